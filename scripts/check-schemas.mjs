#!/usr/bin/env node
// CI check: schemas/ must be exactly what scripts/build-schemas.mjs generates.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-schemas.mjs'), '--check'], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 1);

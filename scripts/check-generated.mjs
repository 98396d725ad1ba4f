#!/usr/bin/env node
// CI check: generated files other than schemas/<version>/ are up to date (explain goldens, kubectl flag table, CRD catalog).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let failed = 0;
for (const script of ['update-explain-goldens.mjs', 'build-kubectl-flags.mjs', 'build-crd-catalog.mjs']) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), '--check'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    console.error(`${script} --check failed`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);

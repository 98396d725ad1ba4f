#!/usr/bin/env node
// The goldens of every output format, fixtures/format/golden/*, made from fixtures/format/input/*.yaml
// by the real formatters (through test/format.test.ts, so the test and this script cannot disagree).
//   node scripts/update-format-goldens.mjs [--update]   rewrite the goldens (the default)
//   node scripts/update-format-goldens.mjs --check      compare only; exit 1 when one differs
// Review the diff like code: it is the output that users and CI tools parse.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const check = process.argv.includes('--check');
const unknown = process.argv.slice(2).filter((a) => a !== '--check' && a !== '--update');
if (unknown.length > 0) {
  console.error(`update-format-goldens: unknown argument ${unknown[0]} (use --update or --check)`);
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const run = spawnSync('npx', ['vitest', 'run', 'test/format.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, K8S_LINT_UPDATE_GOLDENS: check ? '0' : '1' },
});
process.exitCode = run.status ?? 1;

#!/usr/bin/env node
// Reads vitest's JSON report and prints the plain closing line `N passed, N failed, N skipped`.
// Derived-file checks that failed count as failed tests. Exit 1 when anything failed or no test ran.
import { readFileSync } from 'node:fs';

const [reportPath, checksFailedArg = '0'] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(reportPath, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
let passed = 0;
let failed = Number(checksFailedArg) || 0;
let skipped = 0;
for (const file of report.testResults ?? []) {
  for (const t of file.assertionResults ?? []) {
    if (t.status === 'passed') passed++;
    else if (t.status === 'failed') failed++;
    else skipped++;
  }
  // A test file that failed to load has no assertions but a failed status.
  if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') failed++;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

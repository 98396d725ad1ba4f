#!/usr/bin/env node
/**
 * Lints the shared development corpus with the built package and prints how many findings each rule
 * id produced, by severity. Run `npm run build` first.
 *
 *   node scripts/corpus-report.mjs [--all] [--show <rule-id>[,<rule-id>…]] [corpus-dir]
 *
 * --all turns on every rule (the `all` preset), --show prints each finding of the given rules so they
 * can be reviewed one by one. The corpus defaults to ../shared/corpus next to the repository.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lint } from '../dist/index.js';
import { defaultLintOptions } from '../dist/engine/setup.js';

const args = process.argv.slice(2);
const all = args.includes('--all');
const showAt = args.indexOf('--show');
const show = new Set(showAt >= 0 ? (args[showAt + 1] ?? '').split(',') : []);
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--show');
const corpus = positional[0] ?? fileURLToPath(new URL('../../shared/corpus/', import.meta.url));

if (!existsSync(corpus)) {
  console.error(`corpus not found: ${corpus}`);
  process.exit(2);
}

const options = await defaultLintOptions(all ? { preset: 'all' } : {});
const result = await lint([corpus], options);

const counts = new Map();
for (const f of result.findings) {
  const c = counts.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
  c[f.severity]++;
  counts.set(f.ruleId, c);
}

console.log(`${result.summary.files} files, ${result.summary.resources} resources (${all ? 'all rules' : 'recommended rules'})`);
console.log('rule id                     errors  warnings  infos');
for (const [id, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${id.padEnd(26)} ${String(c.error).padStart(7)} ${String(c.warning).padStart(9)} ${String(c.info).padStart(6)}`);
}

for (const f of result.findings) {
  if (!show.has(f.ruleId)) continue;
  const where = f.file.startsWith(corpus) ? f.file.slice(corpus.length) : f.file;
  console.log(`\n${where}:${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${f.message}`);
}

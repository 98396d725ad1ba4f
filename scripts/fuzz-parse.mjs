#!/usr/bin/env node
/**
 * Long run of the property that the fast parse path agrees with the full parser (run
 * `npm run build` first):
 *
 *   npm run fuzz:parse -- [--runs N] [--seed S]
 *
 * Half the cases are generated manifests, half are the fuzzer's seeds (fixtures and
 * ../shared/corpus) with lines added, removed or re-indented. Prints the number of cases, how many the fast path took, and the time taken; exits 1 with the
 * shrunk counterexample on a difference.
 */
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { manifestText, mutatedManifest } from '../test/fastparse-cases.mjs';
import { seedTexts } from '../test/fuzz-cases.mjs';
import { compareParsePaths } from '../test/parse-agreement.mjs';

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const runs = flag('--runs', 100000);
const seed = flag('--seed', Date.now() % 2147483647);
if (!existsSync(new URL('../dist/parse/parse-yaml.js', import.meta.url))) {
  process.stderr.write('k8s-lint fuzz:parse: dist/ is missing; run npm run build first\n');
  process.exit(2);
}
const { streamYaml } = await import('../dist/parse/parse-yaml.js');
const seeds = seedTexts(fileURLToPath(new URL('../', import.meta.url)));

process.stdout.write(`comparing parse paths on ${runs} cases (seed ${seed})\n`);
const started = Date.now();
let done = 0;
let took = 0;
const result = fc.check(
  fc.property(fc.oneof(manifestText, mutatedManifest(seeds)), (text) => {
    const r = compareParsePaths(streamYaml, text);
    done++;
    if (r.took) took++;
    if (done % 20000 === 0) process.stdout.write(`  ${done} cases, ${took} on the fast path, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    if (r.diff) throw new Error(r.diff);
  }),
  { numRuns: runs, seed },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (result.failed) {
  process.stdout.write(`FAILED after ${result.numRuns} cases in ${seconds} s (seed ${seed}, path ${result.counterexamplePath})\n`);
  process.stdout.write(`error: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n`);
  process.stdout.write(`shrunk counterexample: ${JSON.stringify(result.counterexample?.[0])}\n`);
  process.exit(1);
}
process.stdout.write(`ok: ${result.numRuns} cases (${took} taken by the fast path) in ${seconds} s, no differences\n`);

#!/usr/bin/env node
/**
 * Long fuzzing run against the built linter (run `npm run build` first):
 *
 *   npm run fuzz -- [--runs N] [--seed S]
 *
 * Mutates every fixture and the shared corpus of real manifests (../shared/corpus, when present),
 * and generates YAML-ish text; checks the invariants of test/fuzz-cases.mjs on each case. Prints
 * the number of cases and the time taken; exits 1 with the shrunk counterexample on a failure.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { caseArbitrary, checkInvariants, seedTexts } from '../test/fuzz-cases.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}

const runs = flag('--runs', 100000);
const seed = flag('--seed', Date.now() % 2147483647);
if (!existsSync(new URL('../dist/engine/lint.js', import.meta.url))) {
  process.stderr.write('k8s-lint fuzz: dist/ is missing; run npm run build first\n');
  process.exit(2);
}
const { lintSources } = await import('../dist/engine/lint.js');
const { defaultLintOptions } = await import('../dist/engine/setup.js');
const { decodeText } = await import('../dist/input/decode.js');
const options = await defaultLintOptions();
const lint = (files) => lintSources(files, options);
const seeds = seedTexts(ROOT);

process.stdout.write(`fuzzing ${runs} cases (seed ${seed}) from ${seeds.length} seed files\n`);
const started = Date.now();
let done = 0;
const result = fc.check(
  fc.property(caseArbitrary(seeds), (input) => {
    done++;
    if (done % 10000 === 0) process.stdout.write(`  ${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    checkInvariants(lint, decodeText, input);
  }),
  { numRuns: runs, seed },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (result.failed) {
  const [input] = result.counterexample ?? [];
  process.stdout.write(`FAILED after ${result.numRuns} cases in ${seconds} s (seed ${seed}, path ${result.counterexamplePath})\n`);
  process.stdout.write(`error: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n`);
  const shown = input?.bytes ? { path: input.path, bytes: Buffer.from(input.bytes).toString('base64') } : input;
  process.stdout.write(`shrunk counterexample: ${JSON.stringify(shown)}\n`);
  process.exit(1);
}
process.stdout.write(`ok: ${result.numRuns} cases in ${seconds} s, no failures\n`);

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAST_PATH_MAX_BYTES, streamYaml } from '../src/parse/parse-yaml.js';
import { manifestText, mutatedManifest } from './fastparse-cases.mjs';
import { seedTexts } from './fuzz-cases.mjs';
import { ROOT } from './helpers/cli.js';
import { compareParsePaths } from './parse-agreement.mjs';

/**
 * The fast parse path must give exactly what the full parser gives: values, parse findings and
 * every locator answer. `npm run fuzz:parse` runs the same property for many more cases.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

describe('fast parse path', () => {
  it(`agrees with the full parser on manifest-like YAML (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(manifestText, (text) => {
        const { diff } = compareParsePaths(streamYaml, text);
        if (diff) throw new Error(diff);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 120_000);

  it(`agrees with the full parser on edited real manifests (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(mutatedManifest(seedTexts(ROOT)), (text) => {
        const { diff } = compareParsePaths(streamYaml, text);
        if (diff) throw new Error(diff);
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 120_000);

  it('takes the common manifest forms and leaves the rest to the full parser', () => {
    const took = (text: string) => compareParsePaths(streamYaml, text).took;
    expect(took('apiVersion: v1\nkind: Pod\nmetadata:\n  name: a # c\nspec:\n  containers:\n  - name: x\n    args: ["a", b]\n    command: |\n      echo\n')).toBe(true);
    expect(took('a: &x 1\nb: *x\n')).toBe(false);
    expect(took('a:\n\tb: 1\n')).toBe(false);
    expect(took('a: 1\na: 2\n')).toBe(false);
    expect(took('a: !!str 1\n')).toBe(false);
  });

  it('streams a file larger than its limit with the full parser, so memory stays bounded', () => {
    const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  key: value\n';
    const big = `${doc}---\n`.repeat(Math.ceil(FAST_PATH_MAX_BYTES / (doc.length + 4)) + 1);
    expect(big.length).toBeGreaterThan(FAST_PATH_MAX_BYTES);
    // The fast path returns an array of documents; the full parser a generator read one at a time.
    expect(Array.isArray(streamYaml('big.yaml', big).documents)).toBe(false);
    expect(Array.isArray(streamYaml('small.yaml', doc).documents)).toBe(true);
  });
});

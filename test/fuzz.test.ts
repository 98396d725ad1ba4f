import fc from 'fast-check';
import { describe, it } from 'vitest';
import { lintSources } from '../src/engine/lint.js';
import { decodeText } from '../src/input/decode.js';
import { defaultLintOptions } from '../src/engine/setup.js';
import type { SourceFile } from '../src/types.js';
import { caseArbitrary, checkInvariants, seedTexts } from './fuzz-cases.mjs';
import { ROOT } from './helpers/cli.js';

/**
 * A short fuzzing budget on every test run; `npm run fuzz` runs the same properties for much
 * longer against the build. Seeds are the fixtures and, when present, ../shared/corpus.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

describe('fuzzing', () => {
  it(`never throws, points inside the file and is deterministic (${RUNS} cases)`, async () => {
    const options = await defaultLintOptions();
    const lint = (files: SourceFile[]) => lintSources(files, options);
    const seeds = seedTexts(ROOT);
    fc.assert(
      fc.property(caseArbitrary(seeds), (input) => checkInvariants(lint, decodeText, input)),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  }, 120_000);
});

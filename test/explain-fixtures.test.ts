/**
 * Our own explain goldens (fixtures/explain/, made by scripts/update-explain-goldens.mjs): they run
 * everywhere, also without the kubectl goldens in ../shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runApiResources, runApiVersions, runExplain } from '../src/explain/index.js';
import type { JsonValue } from '../src/types.js';

const DIR = new URL('../fixtures/explain/', import.meta.url).pathname;

interface Case {
  name: string;
  command: 'explain' | 'api-resources' | 'api-versions';
  args: Record<string, unknown>;
  crds?: string[];
}

const cases = JSON.parse(readFileSync(DIR + 'cases.json', 'utf8')) as Case[];
const exitCodes = JSON.parse(readFileSync(DIR + 'exit-codes.json', 'utf8')) as Record<string, number>;
const read = (file: string): string => (existsSync(DIR + file) ? readFileSync(DIR + file, 'utf8') : '');

describe('fixtures/explain', () => {
  for (const testCase of cases) {
    it(`${testCase.command} ${JSON.stringify(testCase.args)}`, () => {
      const crds = (testCase.crds ?? []).map((file) => JSON.parse(read(file)) as JsonValue);
      const args = { ...testCase.args, kubernetesVersion: '1.36', ...(crds.length ? { crds } : {}) };
      const result =
        testCase.command === 'explain'
          ? runExplain(args as unknown as Parameters<typeof runExplain>[0])
          : testCase.command === 'api-resources'
            ? runApiResources(args)
            : runApiVersions(args);
      expect(result.stdout).toBe(read(`${testCase.name}.txt`));
      expect(result.stderr).toBe(read(`${testCase.name}.stderr.txt`));
      expect(result.exitCode).toBe(exitCodes[testCase.name]);
    });
  }
});

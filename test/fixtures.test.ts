import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeOutcome, runFixture } from './helpers/run-fixture.js';

const ROOT = new URL('../fixtures/', import.meta.url).pathname;
/** Fixture trees linted as manifests with inline expectations. */
const TREES = ['parse', 'notes', 'rules', 'schema', 'crd-catalog'];

function yamlFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(yamlFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

for (const tree of TREES) {
  const dir = join(ROOT, tree);
  let files: string[] = [];
  try {
    files = yamlFiles(dir);
  } catch {
    continue;
  }
  describe(`fixtures/${tree}`, () => {
    for (const file of files) {
      it(file.slice(ROOT.length), async () => {
        const outcome = await runFixture(file);
        expect(describeOutcome(outcome)).toBe('');
      });
    }
  });
}

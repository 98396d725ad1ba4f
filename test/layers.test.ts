import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, typed by use
import { cyclesOf, importsOf, layeringProblems, readModules } from '../scripts/check-layers.mjs';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

describe('layering of src/', () => {
  it('has no import cycle and no import a layer must not make', () => {
    expect(layeringProblems(readModules(SRC))).toEqual([]);
  });

  it('reads static, type-only, re-export, side-effect and dynamic imports', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
      "import {\n  f,\n  g,\n} from 'yaml';",
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js', 'yaml']);
  });

  it('finds a cycle through type-only imports', () => {
    const modules = new Map([
      ['parse/a.ts', ["import type { B } from './b.js'"].flatMap(importsOf)],
      ['parse/b.ts', ["import { a } from './a.js'"].flatMap(importsOf)],
      ['parse/c.ts', ["import { a } from './a.js'"].flatMap(importsOf)],
    ]);
    expect(layeringProblems(modules)).toEqual(['import cycle among parse/a.ts, parse/b.ts']);
  });

  it('finds a file that imports itself', () => {
    const edges = new Map([['x.ts', ['x.ts']]]);
    expect(cyclesOf(edges)).toEqual([['x.ts']]);
  });

  it('refuses an upward import, a dependency outside its folder and an unknown part', () => {
    const modules = new Map([
      ['parse/locate.ts', ['../schema/catalog.js', 'yaml']],
      ['rules/x.ts', ['yaml', 'node:fs', 'vitest']],
      ['shiny/new.ts', ['../types.js']],
      ['schema/catalog.ts', []],
      ['types.ts', []],
    ]);
    expect(layeringProblems(modules)).toEqual([
      'parse/locate.ts: parse must not import schema (../schema/catalog.js)',
      "rules/x.ts: only parse/ may import 'yaml'",
      'shiny/new.ts: shiny is not a known part of src/ (add it to the layer table)',
    ]);
  });
});

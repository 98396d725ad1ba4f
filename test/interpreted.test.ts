import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crdObjectsIn } from '../src/engine/crd-objects.js';
import { expandInputs } from '../src/input/files.js';
import { parseYaml } from '../src/parse/parse-yaml.js';
import { newAjv } from '../src/schema/ajv-setup.js';
import { catalogFromCRD, defaultVersion, loadCatalog } from '../src/schema/catalog.js';
import { allCatalogCrds } from '../src/schema/crd-catalog.js';
import { definitionWalker, interpretedValidator } from '../src/schema/interpreted.js';
import { definitionRef, definitionToJsonSchema, nodeToJsonSchema, OBJECT_META } from '../src/schema/to-json-schema.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';
import { ROOT } from './helpers/cli.js';
import { useTempCacheDir } from './helpers/cache-dir.js';
import { schemaComparer } from './schema-agreement.mjs';
import { randomSchema, randomSource, valueFor } from './schema-cases.mjs';
import { catalogSchemas, crdSchemasIn } from './schema-sources.mjs';

/**
 * Custom resources are validated by walking their CRD's schema; the findings are built from the
 * errors, so the walk must give exactly the errors of ajv's compiled code. `npm run fuzz:schema`
 * runs the random property for many more cases.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
const compare = schemaComparer({ newAjv, interpretedValidator, definitionWalker, definitionToJsonSchema }, loadCatalog(defaultVersion()).definitions);
const sourceModules = { expandInputs, crdObjectsIn, parseYaml, catalogFromCRD, definitionToJsonSchema, allCatalogCrds };

function agree(schema: Record<string, unknown>, values: unknown[]): void {
  const { took, diff } = compare({ schema }, values);
  expect(diff).toBeUndefined();
  expect(took).toBe(true);
}

describe('schema walk', () => {
  it(`gives the errors of compiled code on random CRD-style schemas (${RUNS} cases)`, () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const r = randomSource(seed);
        // CRD schemas (structural) and built-in-style ones (unknown fields closed everywhere).
        const node = randomSchema(r);
        const structural = seed % 2 === 0 ? { branch: false } : undefined;
        const schema = nodeToJsonSchema(node, true, structural);
        const { took, diff } = compare({ name: 'io.example.v1.Case', node, structural }, Array.from({ length: 6 }, () => valueFor(schema, r)));
        if (diff) throw new Error(diff);
        if (took) taken++;
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    // Only schemas ajv itself would refuse (an invalid pattern, a value of the wrong shape) are left to it.
    expect(taken).toBeGreaterThan(RUNS * 0.75);
  }, 120_000);

  it('gives the errors of compiled code on real CRDs, their custom resources and values drawn from them', () => {
    const real = [...crdSchemasIn(sourceModules, [join(ROOT, 'fixtures'), join(ROOT, '..', 'shared', 'corpus')]), ...catalogSchemas(sourceModules, 12)];
    expect(real.length).toBeGreaterThan(12);
    expect(real.some((entry) => entry.resources.length > 0)).toBe(true);
    real.forEach((entry, i) => {
      const r = randomSource(i + 1);
      const values = [...entry.resources, ...Array.from({ length: 20 }, () => valueFor(entry.schema, r))];
      // As the checker walks it: checked before conversion, converted part by part.
      expect(compare({ name: entry.name, node: entry.node, structural: { branch: false } }, values)).toEqual({ took: true });
    });
  }, 120_000);

  it('follows ajv where it is particular', () => {
    // A wrong type is reported first, unless the type's own group has keywords: then after enum.
    agree({ type: 'string', enum: ['a'] }, [5, 'b', 'a']);
    agree({ type: 'string', enum: ['a'], pattern: '^a$' }, [5, 'b']);
    agree({ type: 'object', enum: [{ a: 1 }], properties: { a: { type: 'integer' } } }, [{ a: 1 }, { a: 2 }, [], 'x']);
    // Integers by ajv's test: infinities are integers, NaN is not, 1.0 is.
    agree({ type: 'integer', minimum: 0 }, [Infinity, -Infinity, NaN, 1.0, 1.5, -1]);
    // anyOf stops at its first passing branch and skips everything when a branch is empty.
    agree({ anyOf: [{ type: 'string' }, { type: 'integer', maximum: 1 }] }, ['x', 1, 2, true]);
    agree({ anyOf: [{ type: 'string' }, {}] }, [true]);
    // oneOf: no passing branch, one, two (it stops at the second), three.
    agree({ oneOf: [{ type: 'integer' }, { minimum: 0 }, { maximum: 10 }] }, [-5, 5, 50, 'x', 5.5]);
    agree({ oneOf: [{}, { type: 'string' }] }, ['x', 1]);
    agree({ not: { type: 'string' } }, ['x', 1]);
    agree({ not: {} }, [1]);
    // Unknown fields: more than eight known ones are looked up differently; odd names are escaped.
    const many = Object.fromEntries('abcdefghij'.split('').map((k) => [k, { type: 'string' }]));
    agree({ type: 'object', properties: many, additionalProperties: false }, [{ a: 'x', z: 1, 'a/b': 2, 'm~n': { x: 1 } }]);
    agree({ type: 'object', properties: { 'a/b': { type: 'string' }, 'm~n': { type: 'integer' } } }, [{ 'a/b': 1, 'm~n': 'x' }]);
    agree({ type: 'object', additionalProperties: { type: 'integer', maximum: 3 } }, [{ a: 1, b: 5, c: 'x' }]);
    // Duplicates: by value for scalar items, pairwise for objects.
    agree({ type: 'array', items: { type: ['string', 'integer'] }, uniqueItems: true }, [['1', 1, '1'], [1, 2, 3]]);
    agree({ type: 'array', items: { type: 'object' }, uniqueItems: true }, [[{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 2 }]]);
    agree({ type: 'array', uniqueItems: true }, [[1, 2, 1], [[1], [1]]]);
    // Numbers and strings.
    agree({ type: 'number', multipleOf: 0.1 }, [0.3, 0.35, 1e21]);
    agree({ type: 'number', multipleOf: 0 }, [0, 1]);
    agree({ type: 'string', maxLength: 2, minLength: 2, pattern: '^\\p{L}+$' }, ['😀😀', 'éé', 'abc', '12']);
    agree({ type: 'string', format: 'date-time' }, ['2020-01-01T00:00:00Z', 'yesterday', 5]);
    agree({ type: 'integer', format: 'int32' }, [2 ** 31, 1, 'x']);
    agree({ type: 'string', format: 'no-such-format' }, ['x', 1]);
    // ObjectMeta by $ref: its own compiled validator, at the right instance path.
    agree({ type: 'object', properties: { metadata: { $ref: definitionRef(OBJECT_META) } } }, [{ metadata: { name: 1, labels: { a: 2 }, bogus: true } }, { metadata: 'x' }]);
  });

  it('leaves to ajv the schemas it does not follow', () => {
    const resolve = { has: () => false, get: () => { throw new Error('no definitions'); } };
    expect(interpretedValidator({ type: 'string', pattern: '(' }, resolve)).toBeUndefined();
    expect(interpretedValidator({ type: 'string', description: 'not a keyword the converter writes' }, resolve)).toBeUndefined();
    expect(interpretedValidator({ properties: { m: { $ref: definitionRef(OBJECT_META) } } }, resolve)).toBeUndefined();
    expect(interpretedValidator({ type: 'unknown' }, resolve)).toBeUndefined();
    expect(interpretedValidator({ enum: [] }, resolve)).toBeUndefined();
    expect(interpretedValidator({ type: 'string', pattern: '^a$' }, resolve)).toBeDefined();
  });
});

describe('schema checker with the walk', () => {
  const cacheDir = useTempCacheDir('k8s-lint-walk-');

  it('reports custom resources as compiled code does, and compiles nothing for them', () => {
    const dirs = ['schema', 'cli', 'crd-catalog'].map((d) => join(ROOT, 'fixtures', d));
    const files = expandInputs(dirs, { markdown: false, commands: false }).files;
    const crds = crdObjectsIn(files);
    // Custom resources of the CRDs given and of the bundled catalog (whose schemas refer to built-in definitions).
    const kinds = new Set([...crds, ...allCatalogCrds()].flatMap((crd) => catalogFromCRD(crd).resources.map((r) => `${r.apiVersion}/${r.kind}`)));
    const inputs = files
      .flatMap((f) => parseYaml(f.path, f.text).documents.map((d) => d.value))
      .filter((v): v is { [key: string]: JsonValue } => typeof v === 'object' && v !== null && !Array.isArray(v))
      .map((object) => ({ apiVersion: object.apiVersion as string, kind: object.kind as string, object }));
    const custom = inputs.filter((i) => kinds.has(`${i.apiVersion}/${i.kind}`));
    expect(custom.length).toBeGreaterThan(3);
    const walking = createSchemaChecker({ crds });
    const walked = inputs.map((i) => walking.check(i));
    expect(walked.some((r) => r.reports.some((report) => report.ruleId === 'schema'))).toBe(true);
    expect(walked.some((r) => r.catalog && r.reports.some((report) => report.ruleId === 'schema'))).toBe(true);
    // Nothing was compiled: the walk needs no code and the built-in kinds have theirs bundled.
    expect(readdirSync(cacheDir()).filter((f) => f.startsWith('validator-'))).toEqual([]);
    const compiled = createSchemaChecker({ crds, interpreted: false });
    expect(inputs.map((i) => compiled.check(i))).toEqual(walked);
    expect(readdirSync(cacheDir()).some((f) => f.startsWith('validator-'))).toBe(true);
  });
});

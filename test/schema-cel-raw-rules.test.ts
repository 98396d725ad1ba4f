/**
 * The CEL census reads the rules of CRD versions from the CRDs as written (raw-rules.ts). It must
 * find exactly the rules the validator finds in the converted root schemas, or the summary line
 * ("N of M CEL validation rules ...") would change.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createCatalog, loadCatalog, mergeCatalogs, type Catalog } from '../src/schema/catalog.js';
import type { CatalogData } from '../src/schema/catalog-types.js';
import { catalogFromCRD } from '../src/schema/from-crd.js';
import { catalogFromOpenAPI } from '../src/schema/from-openapi.js';
import { crdVersionSource } from '../src/schema/lazy-definitions.js';
import { CelEngine } from '../src/schema/cel/engine.js';
import { RawRules } from '../src/schema/cel/raw-rules.js';
import { CelValidator } from '../src/schema/cel/validator.js';
import type { JsonValue } from '../src/types.js';

const shared = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');

const rule = (text: string): JsonValue => [{ rule: text }];

function crdOf(schema: JsonValue, version = 'v1'): JsonValue {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions: [{ name: version, served: true, storage: true, schema: { openAPIV3Schema: schema } }] },
  };
}

/** Rule texts per definition, from the raw schemas and from the converted ones (sorted). */
function bothWays(crdData: CatalogData[], extra: Catalog[] = []): { raw: string[]; converted: string[] } {
  const crdCatalogs = crdData.map(createCatalog);
  const catalog = mergeCatalogs(loadCatalog('1.36'), ...crdCatalogs, ...extra);
  const resolve = (node: Parameters<Catalog['resolve']>[0]) => catalog.resolve(node);
  const raw: string[] = [];
  const converted: string[] = [];
  for (const data of crdData) {
    for (const name of Object.keys(data.definitions)) {
      const source = crdVersionSource(data.definitions, name);
      if (!source) throw new Error(`${name} is not lazy`);
      // Separate validators: each side's bookkeeping starts empty.
      const fromRaw = new RawRules(new CelValidator(new CelEngine(), resolve), resolve).ofRoot(source.raw);
      const fromNode = new CelValidator(new CelEngine(), resolve).allRules(data.definitions[name]!);
      raw.push(...fromRaw.map((r) => `${name}: ${r.rule}`));
      converted.push(...fromNode.map((r) => `${name}: ${r.rule}`));
    }
  }
  return { raw: raw.sort(), converted: converted.sort() };
}

describe('CEL rules read from raw CRD schemas', () => {
  it('finds the rules of properties, items, map values and allOf members', () => {
    const schema = {
      type: 'object',
      'x-kubernetes-validations': rule('root'),
      allOf: [{ 'x-kubernetes-validations': rule('root member'), allOf: [{ 'x-kubernetes-validations': rule('nested member') }] }, { properties: { ignored: { 'x-kubernetes-validations': rule('member property') } } }],
      properties: {
        spec: {
          type: 'object',
          properties: {
            list: { type: 'array', items: { 'x-kubernetes-validations': rule('item') }, 'x-kubernetes-validations': rule('list') },
            tuple: { type: 'array', items: [{ 'x-kubernetes-validations': rule('tuple item') }] },
            map: { type: 'object', additionalProperties: { 'x-kubernetes-validations': rule('map value') } },
            open: { type: 'object', additionalProperties: true },
            odd: { items: 'x', additionalProperties: 3, properties: [] },
            malformed: { 'x-kubernetes-validations': [{ rule: '' }, 'x', { message: 'no rule' }, { rule: 'kept' }] },
          },
        },
      },
    } as JsonValue;
    const { raw, converted } = bothWays([catalogFromCRD(crdOf(schema))]);
    expect(raw).toEqual(converted);
    expect(raw).toContain('com.example.v1.Widget: nested member');
    expect(raw).not.toContain('com.example.v1.Widget: member property');
    expect(raw).toHaveLength(7);
  });

  it('drops the rules under metadata, keeps those of apiVersion and kind, and counts the same alias twice', () => {
    const shared = { type: 'string', 'x-kubernetes-validations': rule('shared') };
    const schema = {
      type: 'object',
      properties: {
        metadata: { type: 'object', 'x-kubernetes-validations': rule('metadata') },
        apiVersion: { type: 'string', 'x-kubernetes-validations': rule('apiVersion') },
        kind: shared,
        spec: { type: 'object', properties: { a: shared, b: shared } },
      },
    };
    const { raw, converted } = bothWays([catalogFromCRD(crdOf(schema))]);
    expect(raw).toEqual(converted);
    expect(raw).toEqual(['com.example.v1.Widget: apiVersion', 'com.example.v1.Widget: shared', 'com.example.v1.Widget: shared', 'com.example.v1.Widget: shared']);
  });

  it('follows $refs into the catalog (once per root) and keeps dangling ones as they are', () => {
    const openapi = {
      swagger: '2.0',
      definitions: {
        'com.example.Shared': { type: 'object', 'x-kubernetes-validations': rule('shared'), properties: { x: { 'x-kubernetes-validations': rule('shared x') } } },
        'com.example.Meta': { type: 'object', 'x-kubernetes-validations': rule('meta') },
      },
    };
    const schema = {
      type: 'object',
      properties: {
        spec: {
          type: 'object',
          properties: {
            one: { $ref: '#/definitions/com.example.Shared', 'x-kubernetes-validations': rule('beside ref') },
            two: { allOf: [{ $ref: '#/definitions/com.example.Shared' }] },
            three: { $ref: '#/definitions/com.example.Missing', 'x-kubernetes-validations': rule('dangling'), allOf: [{ $ref: '#/definitions/com.example.Meta' }] },
            four: { allOf: [{ $ref: '#/definitions/com.example.Missing' }], 'x-kubernetes-validations': rule('dangling member') },
          },
        },
      },
    };
    const rootRef = { $ref: '#/definitions/com.example.Shared', 'x-kubernetes-validations': rule('replaced root') };
    const extra = [createCatalog(catalogFromOpenAPI([openapi], 'openapi'))];
    const { raw, converted } = bothWays([catalogFromCRD(crdOf(schema)), catalogFromCRD(crdOf(rootRef, 'v2'))], extra);
    expect(raw).toEqual(converted);
    expect(raw).toEqual([
      'com.example.v1.Widget: dangling',
      'com.example.v1.Widget: dangling member',
      'com.example.v1.Widget: meta',
      'com.example.v1.Widget: shared',
      'com.example.v1.Widget: shared x',
      'com.example.v2.Widget: shared',
      'com.example.v2.Widget: shared x',
    ]);
  });

  it('gives the rules of ObjectMeta to every root, schema or none, when a document defines it with rules', () => {
    const openapi = { swagger: '2.0', definitions: { 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': { type: 'object', 'x-kubernetes-validations': rule('meta') } } };
    const extra = [createCatalog(catalogFromOpenAPI([openapi], 'openapi'))];
    const { raw, converted } = bothWays([catalogFromCRD(crdOf({ type: 'object' })), catalogFromCRD(crdOf('not a schema', 'v2'))], extra);
    expect(raw).toEqual(converted);
    expect(raw).toEqual(['com.example.v1.Widget: meta', 'com.example.v2.Widget: meta']);
  });

  it('leaves out a property named __proto__, as the conversion does', () => {
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"x-kubernetes-validations":[{"rule":"proto"}]},"spec":{"x-kubernetes-validations":[{"rule":"spec"}]}}}') as JsonValue;
    const { raw, converted } = bothWays([catalogFromCRD(crdOf(schema))]);
    expect(raw).toEqual(converted);
    expect(raw).toEqual(['com.example.v1.Widget: spec']);
  });
});

/** The CRDs of a corpus folder (files that mention the kind only). */
function corpusCrds(dir: string): JsonValue[] {
  const out: JsonValue[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8');
        if (!text.includes('kind: CustomResourceDefinition')) continue;
        for (const doc of parseAllDocuments(text, { version: '1.1' })) {
          const value = doc.errors.length === 0 ? (doc.toJS({ maxAliasCount: 100 }) as JsonValue) : null;
          if (value !== null && typeof value === 'object' && !Array.isArray(value) && value.kind === 'CustomResourceDefinition') out.push(value);
        }
      }
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(!existsSync(join(shared, 'corpus-large')))('CEL rules of the corpus CRDs', () => {
  for (const name of ['corpus', 'corpus-large']) {
    it(`are the same read raw or converted (${name})`, () => {
      const crds = existsSync(join(shared, name)) ? corpusCrds(join(shared, name)) : [];
      const { raw, converted } = bothWays(crds.map(catalogFromCRD));
      expect(raw).toEqual(converted);
      if (name === 'corpus-large') expect(raw.length).toBeGreaterThan(100);
    }, 120_000);
  }
});

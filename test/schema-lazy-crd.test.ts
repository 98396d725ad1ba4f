/**
 * CRD versions are converted only when their definition is read: a run converts the schemas of
 * the kinds it checks, not those of every served version of every CRD. Names stay available, and
 * merging catalogs or creating the CEL stage converts nothing.
 */
import { describe, expect, it } from 'vitest';
import { createCatalog, loadCatalog, mergeCatalogs } from '../src/schema/catalog.js';
import { catalogFromCRD, catalogFromCRDBeside } from '../src/schema/from-crd.js';
import { copyDefinitions, crdVersionSource } from '../src/schema/lazy-definitions.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import * as cel from '../src/schema/cel/index.js';
import type { JsonValue } from '../src/types.js';

/**
 * A CRD whose served versions count how often their schema is converted: the conversion reads
 * every root's `description` (reading rules, names or structure does not).
 */
function countingCrd(versions: string[], rule?: string): { crd: JsonValue; reads: Record<string, number> } {
  const reads: Record<string, number> = {};
  const entries = versions.map((name) => {
    reads[name] = 0;
    const spec: Record<string, JsonValue> = {
      type: 'object',
      properties: { size: { type: 'integer' } },
      ...(rule ? { 'x-kubernetes-validations': [{ rule }] } : {}),
    };
    const schema: Record<string, JsonValue> = { type: 'object', properties: { spec } };
    Object.defineProperty(schema, 'description', {
      enumerable: true,
      get() {
        reads[name]! += 1;
        return `Widget ${name}`;
      },
    });
    return { name, served: true, storage: name === versions[0], schema: { openAPIV3Schema: schema } };
  });
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: { group: 'example.com', scope: 'Namespaced', names: { kind: 'Widget', plural: 'widgets' }, versions: entries },
  } as unknown as JsonValue;
  return { crd, reads };
}

const widget = (version: string, size: JsonValue): { apiVersion: string; kind: string; object: JsonValue } => ({
  apiVersion: `example.com/${version}`,
  kind: 'Widget',
  object: { apiVersion: `example.com/${version}`, kind: 'Widget', metadata: { name: 'w' }, spec: { size } },
});

describe('lazy CRD definitions', () => {
  it('keeps names and resources without converting a schema', () => {
    const { crd, reads } = countingCrd(['v1', 'v2']);
    const data = catalogFromCRD(crd);
    expect(data.resources.map((r) => r.definition)).toEqual(['com.example.v1.Widget', 'com.example.v2.Widget']);
    expect(Object.keys(data.definitions)).toEqual(['com.example.v1.Widget', 'com.example.v2.Widget']);
    expect('com.example.v2.Widget' in data.definitions).toBe(true);
    expect(crdVersionSource(data.definitions, 'com.example.v1.Widget')).toBeDefined();
    const merged = mergeCatalogs(loadCatalog('1.36'), createCatalog(catalogFromCRDBeside(crd, loadCatalog('1.36'))));
    expect(merged.findResource('example.com/v2', 'Widget')?.definition).toBe('com.example.v2.Widget');
    expect(Object.keys(merged.definitions)).toContain('com.example.v1.Widget');
    expect(reads).toEqual({ v1: 0, v2: 0 });
  });

  it('converts a version once, when its definition is first read, and shares it between copies', () => {
    const { crd, reads } = countingCrd(['v1', 'v2']);
    const data = catalogFromCRD(crd);
    const copy = copyDefinitions({}, data.definitions);
    const node = copy['com.example.v2.Widget'];
    expect(node?.properties?.spec?.properties?.size).toEqual({ type: 'integer' });
    expect(data.definitions['com.example.v2.Widget']).toBe(node);
    expect(reads).toEqual({ v1: 0, v2: 1 });
    // An entry can still be replaced, as in an ordinary record.
    copy['com.example.v1.Widget'] = { type: 'string' };
    expect(copy['com.example.v1.Widget']).toEqual({ type: 'string' });
    expect(reads.v1).toBe(0);
  });

  it('a schema checker converts only the versions of the custom resources it checks', () => {
    const { crd, reads } = countingCrd(['v1', 'v2', 'v3']);
    const checker = createSchemaChecker({ kubernetesVersion: '1.36', crds: [crd], crdCatalog: false });
    expect(reads).toEqual({ v1: 0, v2: 0, v3: 0 });
    const result = checker.check(widget('v2', 'big'));
    expect(result.reports.map((r) => r.message)).toEqual(['spec.size: expected integer, got string "big"']);
    expect(reads).toEqual({ v1: 0, v2: 1, v3: 0 });
    expect(checker.check(widget('v2', 3)).reports).toEqual([]);
    expect(reads).toEqual({ v1: 0, v2: 1, v3: 0 });
  });

  it('the CEL stage counts the rules of every version without converting them', () => {
    const { crd, reads } = countingCrd(['v1', 'v2', 'v3'], 'self.size == oldSelf.size');
    const checker = createSchemaChecker({ kubernetesVersion: '1.36', crds: [crd], crdCatalog: false, cel });
    const result = checker.check(widget('v1', 3));
    expect(result.reports).toEqual([]);
    expect(result.notices).toEqual([
      '3 of 3 CEL validation rules (x-kubernetes-validations) of the given schemas were not evaluated: 3 transition rules (they compare with the stored object, so only an update runs them)',
    ]);
    expect(reads).toEqual({ v1: 1, v2: 0, v3: 0 });
  });
});

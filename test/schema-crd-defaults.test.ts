import { describe, expect, it } from 'vitest';
import { defaultCustomResource } from '../src/schema/crd-defaults.js';
import type { SchemaNode } from '../src/schema/catalog-types.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const schema: SchemaNode = {
  type: 'object',
  properties: {
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      default: {},
      properties: {
        mode: { type: 'string', default: 'Fast' },
        note: { type: 'string', nullable: true },
        gone: { type: 'string' },
        retries: { type: 'integer', default: 3 },
        policy: { type: 'object', properties: { level: { type: 'integer', default: 1 } }, default: {} },
        ports: { type: 'array', items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } } },
        limits: { type: 'object', additionalProperties: { type: 'object', properties: { max: { type: 'integer', default: 10 } } } },
        kept: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
      },
      oneOf: [{ properties: { never: { default: 'x' } } as SchemaNode['properties'] } as SchemaNode],
    },
  },
};

describe('defaultCustomResource', () => {
  it('prunes non-nullable nulls, then defaults missing fields at every level, leaving the input alone', () => {
    const input = {
      metadata: { name: 'a', creationTimestamp: null },
      spec: { note: null, gone: null, retries: null, ports: [{}, { protocol: 'UDP' }], limits: { cpu: {} }, kept: { x: null } },
    };
    const copy = JSON.parse(JSON.stringify(input));
    expect(defaultCustomResource(schema, input as JsonValue)).toEqual({
      metadata: { name: 'a' },
      spec: {
        mode: 'Fast',
        note: null,
        retries: 3,
        policy: { level: 1 },
        ports: [{ protocol: 'TCP' }, { protocol: 'UDP' }],
        limits: { cpu: { max: 10 } },
        kept: { x: null },
      },
    });
    expect(input).toEqual(copy);
  });

  it('defaults an absent object and then what is inside the default', () => {
    expect(defaultCustomResource(schema, { metadata: { name: 'b' } })).toEqual({
      metadata: { name: 'b' },
      spec: { mode: 'Fast', retries: 3, policy: { level: 1 } },
    });
  });

  it('leaves values of the wrong shape for the validator', () => {
    expect(defaultCustomResource(schema, { spec: 'text' })).toEqual({ spec: 'text' });
    expect(defaultCustomResource(schema, { spec: { ports: 'none', limits: [1] } })).toEqual({
      spec: { mode: 'Fast', retries: 3, policy: { level: 1 }, ports: 'none', limits: [1] },
    });
  });
});

describe('SchemaChecker.defaulted', () => {
  const crd = {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'gadgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { kind: 'Gadget', plural: 'gadgets' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema as unknown as JsonValue } }],
    },
  } as JsonValue;
  const checker = createSchemaChecker({ kubernetesVersion: '1.36', crds: [crd] });

  it('returns the object the API server validates for a CRD kind', () => {
    const object = { apiVersion: 'example.com/v1', kind: 'Gadget', metadata: { name: 'g' } } as JsonValue;
    expect(checker.defaulted({ apiVersion: 'example.com/v1', kind: 'Gadget', object })).toEqual({
      apiVersion: 'example.com/v1',
      kind: 'Gadget',
      metadata: { name: 'g' },
      spec: { mode: 'Fast', retries: 3, policy: { level: 1 } },
    });
  });

  it('returns undefined for built-in and unknown kinds', () => {
    expect(checker.defaulted({ apiVersion: 'v1', kind: 'ConfigMap', object: {} })).toBeUndefined();
    expect(checker.defaulted({ apiVersion: 'example.com/v2', kind: 'Gadget', object: {} })).toBeUndefined();
  });

  it('never lets a CRD replace a built-in group-version', () => {
    const shadow = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'customresourcedefinitions.apiextensions.k8s.io' },
      spec: {
        group: 'apiextensions.k8s.io',
        scope: 'Cluster',
        names: { kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions' },
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {} } } } } }],
      },
    } as JsonValue;
    const withShadow = createSchemaChecker({ kubernetesVersion: '1.36', crds: [shadow, crd] });
    const reports = withShadow.check({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', object: crd }).reports;
    // The branch default above is not structural (crd-schema says so), but no field is unknown.
    expect(reports.filter((r) => r.ruleId !== 'crd-schema')).toEqual([]);
    const own = withShadow.check({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', object: shadow }).reports;
    expect(own.map((r) => [r.ruleId, r.path.join('.')])).toEqual([['crd-schema', 'spec.group'], ['crd-schema', 'metadata']]);
  });
});

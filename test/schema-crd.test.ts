import { describe, expect, it } from 'vitest';
import { catalogFromCRD } from '../src/schema/catalog.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const crd: unknown = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { kind: 'CronTab', plural: 'crontabs', singular: 'crontab' },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['cronSpec', 'replicas'],
                properties: {
                  cronSpec: { type: 'string', pattern: '^(\\S+\\s){4}\\S+$' },
                  image: { type: 'string' },
                  replicas: { type: 'integer', minimum: 1, default: 1 },
                  port: { 'x-kubernetes-int-or-string': true },
                  mode: { type: 'string', enum: ['Fast', 'Slow'] },
                  note: { type: 'string', nullable: true },
                  settings: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
                  template: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
              status: { type: 'object', properties: { ready: { type: 'boolean' } } },
            },
          },
        },
      },
      { name: 'v1beta1', served: true, storage: false, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } } },
      { name: 'v1alpha1', served: false, storage: false },
    ],
  },
};

const checker = createSchemaChecker({ kubernetesVersion: '1.36', crds: [crd as JsonValue] });
const cronTab = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'tab' }, apiVersion = 'stable.example.com/v1') =>
  checker.check({ apiVersion, kind: 'CronTab', object: { apiVersion, kind: 'CronTab', metadata, spec } as JsonValue });

describe('catalogFromCRD', () => {
  it('makes one resource per served version, with scope and plural', () => {
    const catalog = catalogFromCRD(crd as JsonValue);
    expect(catalog.resources.map((r) => [r.apiVersion, r.kind, r.plural, r.namespaced, r.definition])).toEqual([
      ['stable.example.com/v1', 'CronTab', 'crontabs', true, 'com.example.stable.v1.CronTab'],
      ['stable.example.com/v1beta1', 'CronTab', 'crontabs', true, 'com.example.stable.v1beta1.CronTab'],
    ]);
  });

  it('gives an empty catalog for things that are not CRDs', () => {
    for (const bad of [null, 3, 'x', [], {}, { spec: {} }, { spec: { group: 'g', names: {} } }]) {
      expect(catalogFromCRD(bad as JsonValue).resources).toEqual([]);
    }
  });
});

describe('schema checker with CRDs', () => {
  it('accepts a valid custom resource; a defaulted field need not be given', () => {
    expect(cronTab({ cronSpec: '* * * * */5', port: 'http', settings: { anything: [1, 2] }, template: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } } })).toEqual({ reports: [], checked: true });
  });

  it('reports type, pattern, enum, minimum and unknown fields', () => {
    const result = cronTab({ cronSpec: 'bad', replicas: 0, port: true, mode: 'Medium', extra: 1 });
    expect(result.reports.map((r) => [r.path.join('.'), r.message])).toEqual([
      ['spec.extra', 'unknown field "spec.extra"'],
      ['spec.cronSpec', 'spec.cronSpec: must match pattern "^(\\S+\\s){4}\\S+$", got string "bad"'],
      ['spec.replicas', 'spec.replicas: must be >= 1, got integer 0'],
      ['spec.port', 'spec.port: expected integer or string, got boolean true'],
      ['spec.mode', 'spec.mode: expected one of "Fast", "Slow", got string "Medium"'],
    ]);
  });

  it('validates metadata against the real ObjectMeta', () => {
    const result = cronTab({ cronSpec: '* * * * *' }, { name: 'tab', labels: ['a'], anotations: {} });
    expect(result.reports.map((r) => [r.path.join('.'), r.message, r.hint])).toEqual([
      ['metadata.anotations', 'unknown field "metadata.anotations"', 'did you mean "annotations"?'],
      ['metadata.labels', 'metadata.labels: expected object, got array', undefined],
    ]);
  });

  it('accepts anything where the schema preserves unknown fields, and checks all served versions', () => {
    expect(cronTab({ whatever: { deep: true } }, { name: 't' }, 'stable.example.com/v1beta1')).toEqual({ reports: [], checked: true });
    const unserved = cronTab({}, { name: 't' }, 'stable.example.com/v1alpha1');
    expect(unserved.reports.map((r) => [r.ruleId, r.message])).toEqual([
      ['unknown-api', 'stable.example.com/v1alpha1 CronTab is not served by its CustomResourceDefinition; use stable.example.com/v1'],
    ]);
  });

  it('reads apiextensions.k8s.io/v1beta1 CRDs with a top-level validation schema', () => {
    const old = { apiVersion: 'apiextensions.k8s.io/v1beta1', kind: 'CustomResourceDefinition', spec: { group: 'x.io', version: 'v1', names: { kind: 'Thing', plural: 'things' }, scope: 'Cluster', validation: { openAPIV3Schema: { properties: { spec: { properties: { size: { type: 'integer' } } } } } } } };
    const c = createSchemaChecker({ kubernetesVersion: '1.36', crds: [old as unknown as JsonValue] });
    expect(c.catalog.findResource('x.io/v1', 'Thing')?.namespaced).toBe(false);
    const result = c.check({ apiVersion: 'x.io/v1', kind: 'Thing', object: { apiVersion: 'x.io/v1', kind: 'Thing', metadata: { name: 'a' }, spec: { size: 'big' } } });
    expect(result.reports.map((r) => r.message)).toEqual(['spec.size: expected integer, got string "big"']);
  });
});

describe('CRDs as kubectl prints them', () => {
  it('opens a List of CRDs and ignores objects that are not CRDs', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [crd, { apiVersion: 'v1', kind: 'ConfigMap', spec: { group: 'x.io', names: { kind: 'Fake' } } }] };
    const c = createSchemaChecker({ kubernetesVersion: '1.36', crds: [list as JsonValue] });
    expect(c.catalog.findResource('stable.example.com/v1', 'CronTab')).toBeDefined();
    expect(c.catalog.findResource('x.io/v1', 'Fake')).toBeUndefined();
  });
});

describe('controller-gen style int-or-string', () => {
  it('reports one problem for a value that is neither, not one per anyOf branch', () => {
    const generated = {
      apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
      spec: {
        group: 'g.io', scope: 'Namespaced', names: { kind: 'Port', plural: 'ports' },
        versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: {
          port: { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
        } } } } } }],
      },
    };
    const c = createSchemaChecker({ kubernetesVersion: '1.36', crds: [generated as JsonValue] });
    const run = (port: unknown) => c.check({ apiVersion: 'g.io/v1', kind: 'Port', object: { apiVersion: 'g.io/v1', kind: 'Port', metadata: { name: 'p' }, spec: { port } } as JsonValue });
    expect(run(8080).reports).toEqual([]);
    expect(run('http').reports).toEqual([]);
    expect(run(true).reports.map((r) => r.message)).toEqual(['spec.port: expected integer or string, got boolean true']);
  });
});

/** The checker never throws and never gives up on odd input, whatever its shape. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition',
  spec: { group: 'x.io', scope: 'Namespaced', names: { kind: 'Thing', plural: 'things' }, versions: [{ name: 'v1', served: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { n: { 'x-kubernetes-int-or-string': true }, list: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['k'], items: { type: 'object', properties: { k: { type: 'string' } } } } } } } } } }] },
};
const checker = createSchemaChecker({ kubernetesVersion: '1.36', crds: [crd as JsonValue] });
const kinds: [string, string][] = [['apps/v1', 'Deployment'], ['v1', 'Pod'], ['v1', 'Service'], ['batch/v1', 'CronJob'], ['x.io/v1', 'Thing'], ['v1', 'Secret']];

/** A value shaped like a manifest but with anything in any place. */
const anyJson: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;
const manifestLike = fc.record({
  metadata: fc.oneof(anyJson, fc.record({ name: anyJson, labels: anyJson, creationTimestamp: anyJson })),
  spec: fc.oneof(anyJson, fc.record({ replicas: anyJson, selector: anyJson, ports: anyJson, containers: fc.array(fc.dictionary(fc.constantFrom('name', 'image', 'ports', 'env', 'resources', 'nmae'), anyJson)), template: fc.record({ spec: fc.record({ containers: anyJson }) }), list: anyJson, n: anyJson })),
  status: anyJson,
}, { requiredKeys: [] });

describe('schema checker robustness', () => {
  it('never throws on any value, and reports only with paths into the object', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.oneof(anyJson, manifestLike as fc.Arbitrary<JsonValue>), ([apiVersion, kind], object) => {
        const result = checker.check({ apiVersion, kind, object });
        expect(result.reason ?? '').not.toMatch(/schema check failed/);
        for (const report of result.reports) {
          expect(typeof report.message).toBe('string');
          expect(report.path.every((s) => typeof s === 'string' || Number.isInteger(s))).toBe(true);
        }
      }),
      { numRuns: 400, seed: 36 },
    );
  });
});

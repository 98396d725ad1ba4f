/** Values of enumerated fields the API server checks (`x-k8s-lint-enum` in the bundled catalogs). */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/schema/catalog.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const checkers = new Map<string, ReturnType<typeof createSchemaChecker>>();

function reports(object: Record<string, unknown>, kubernetesVersion = '1.36') {
  const checker = checkers.get(kubernetesVersion) ?? createSchemaChecker({ kubernetesVersion });
  checkers.set(kubernetesVersion, checker);
  const result = checker.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object: object as JsonValue });
  return result.reports.map((r) => ({ path: r.path.join('.'), on: r.on, message: r.message, hint: r.hint }));
}

function pod(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'nginx:1.27' }], ...spec } };
}

function service(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }], ...spec } };
}

describe('enumerated values', () => {
  it('names the accepted values and suggests the one spelt in another case', () => {
    expect(reports(service({ ports: [{ port: 53, protocol: 'udp' }] }))).toEqual([
      { path: 'spec.ports.0.protocol', on: 'value', message: 'spec.ports[0].protocol: "udp" is not one of "SCTP", "TCP", "UDP"', hint: 'did you mean "UDP"?' },
    ]);
    expect(reports(service({ type: 'nodePort' }))[0]?.hint).toBe('did you mean "NodePort"?');
    expect(reports(pod({ restartPolicy: 'always' }))[0]?.hint).toBe('did you mean "Always"?');
  });

  it('suggests nothing for a value far from every accepted one', () => {
    expect(reports(pod({ dnsPolicy: 'Google' }))).toEqual([
      { path: 'spec.dnsPolicy', on: 'value', message: 'spec.dnsPolicy: "Google" is not one of "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"', hint: undefined },
    ]);
  });

  it('never reports the empty string: it is unset, and the server fills in the default', () => {
    expect(reports(pod({ restartPolicy: '', dnsPolicy: '', containers: [{ name: 'a', image: 'nginx:1.27', imagePullPolicy: '' }] }))).toEqual([]);
    expect(reports(service({ type: '', sessionAffinity: '', ports: [{ port: 80, protocol: '' }] }))).toEqual([]);
  });

  it('leaves values of other types to the type check, once', () => {
    expect(reports(pod({ restartPolicy: 3 })).map((r) => r.message)).toEqual(['spec.restartPolicy: expected string, got integer 3']);
    expect(reports(pod({ restartPolicy: null }))).toEqual([]);
  });

  it('checks list items one by one', () => {
    const claim = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce', 'rwo'] } };
    expect(reports(claim).map((r) => r.path)).toEqual(['spec.accessModes.1']);
  });

  it('holds in both bundled versions', () => {
    expect(reports(pod({ restartPolicy: 'Sometimes' }), '1.34').map((r) => r.path)).toEqual(['spec.restartPolicy']);
  });

  it('keeps the value sets apart from enum, which explain prints', () => {
    const port = loadCatalog('1.36').definition('io.k8s.api.core.v1.ServicePort');
    expect(port?.properties?.protocol?.enum).toBeUndefined();
    expect(port?.properties?.protocol?.['x-k8s-lint-enum']).toEqual(['SCTP', 'TCP', 'UDP']);
  });
});

import { describe, expect, it } from 'vitest';
import { containersOf, podMetadataOf, podSpecOf, podTemplateOf } from '../src/k8s/workloads.js';
import type { JsonValue, Resource } from '../src/types.js';

function resource(object: { apiVersion: string; kind: string; [key: string]: JsonValue }): Resource {
  const span = { line: 1, column: 1, endLine: 1, endColumn: 2 };
  return {
    file: 'x.yaml',
    document: 1,
    basePath: [],
    object,
    apiVersion: object.apiVersion,
    kind: object.kind,
    locator: { locate: () => span, has: () => true },
    ref: { document: 1 },
  };
}

const podSpec = { containers: [{ name: 'app' }], initContainers: [{ name: 'init' }, 'junk'], ephemeralContainers: [{ name: 'debug' }] };
const template = { metadata: { labels: { app: 'x' } }, spec: podSpec };

describe('workload helpers', () => {
  it('find the pod spec of every kind, at its path', () => {
    const cases: [string, string, Record<string, JsonValue>, string][] = [
      ['v1', 'Pod', { spec: podSpec }, 'spec'],
      ['v1', 'PodTemplate', { template }, 'template.spec'],
      ['v1', 'ReplicationController', { spec: { template } }, 'spec.template.spec'],
      ['apps/v1', 'Deployment', { spec: { template } }, 'spec.template.spec'],
      ['apps/v1', 'StatefulSet', { spec: { template } }, 'spec.template.spec'],
      ['extensions/v1beta1', 'DaemonSet', { spec: { template } }, 'spec.template.spec'],
      ['batch/v1', 'Job', { spec: { template } }, 'spec.template.spec'],
      ['batch/v1', 'CronJob', { spec: { jobTemplate: { spec: { template } } } }, 'spec.jobTemplate.spec.template.spec'],
    ];
    for (const [apiVersion, kind, rest, path] of cases) {
      const r = resource({ apiVersion, kind, ...rest });
      expect(podSpecOf(r)?.path.join('.'), kind).toBe(path);
    }
  });

  it('ignore custom resources that share a built-in kind name', () => {
    const r = resource({ apiVersion: 'batch.volcano.sh/v1alpha1', kind: 'Job', spec: { template } });
    expect(podSpecOf(r)).toBeUndefined();
    expect(podTemplateOf(r)).toBeUndefined();
  });

  it('find pod labels on the Pod itself or on the template', () => {
    expect(podMetadataOf(resource({ apiVersion: 'v1', kind: 'Pod', metadata: { labels: { a: 'b' } } }))?.path).toEqual(['metadata']);
    expect(podMetadataOf(resource({ apiVersion: 'apps/v1', kind: 'Deployment', spec: { template } }))?.path).toEqual(['spec', 'template', 'metadata']);
  });

  it('list init, app and ephemeral containers with their paths, skipping junk', () => {
    const spec = podSpecOf(resource({ apiVersion: 'v1', kind: 'Pod', spec: podSpec }))!;
    expect(containersOf(spec).map((c) => `${c.path.join('.')} ${c.name}`)).toEqual([
      'spec.initContainers.0 init',
      'spec.containers.0 app',
      'spec.ephemeralContainers.0 debug',
    ]);
    expect(containersOf(spec, ['containers']).map((c) => c.name)).toEqual(['app']);
  });

  it('survive shapes that are not mappings', () => {
    for (const spec of [null, 3, 'x', [], { template: null }, { template: { spec: [] } }] as JsonValue[]) {
      const r = resource({ apiVersion: 'apps/v1', kind: 'Deployment', spec });
      expect(podSpecOf(r)).toBeUndefined();
    }
  });
});

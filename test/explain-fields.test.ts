import { describe, expect, it } from 'vitest';
import { SchemaFacts } from '../src/explain/fields.js';
import { runExplain } from '../src/explain/index.js';
import { loadExplainApi } from '../src/explain/source.js';
import type { JsonValue } from '../src/types.js';

const facts = new SchemaFacts(loadExplainApi('1.36'));
const service = facts.resourceFor('v1', 'Service')!;

describe('SchemaFacts', () => {
  it('lists the fields of an object with kubectl\'s types', () => {
    const spec = facts.fields(service, ['spec'])!;
    const byName = new Map(spec.map((f) => [f.name, f]));
    expect(byName.get('ports')).toMatchObject({ type: '[]ServicePort', required: false });
    expect(byName.get('selector')).toMatchObject({ type: 'map[string]string' });
    expect(byName.get('type')).toMatchObject({ type: 'string', values: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] });
    expect(spec.map((f) => f.name)).toEqual([...spec.map((f) => f.name)].sort());
    // Through the list: the fields of one port.
    const port = new Map(facts.fields(service, ['spec', 'ports'])!.map((f) => [f.name, f]));
    expect(port.get('port')?.required).toBe(true);
    expect(port.get('protocol')?.values).toEqual(['SCTP', 'TCP', 'UDP']);
    expect(facts.fields(service, ['spec', 'nothing'])).toBeUndefined();
  });

  it('gives one field as kubectl lists it under FIELDS', () => {
    const nodePort = facts.field(service, ['spec', 'ports', 'nodePort'])!;
    expect(nodePort.info).toMatchObject({ name: 'nodePort', type: 'integer', required: false });
    expect(nodePort.info.description).toMatch(/^The port on each node on which this service is exposed/);
    const listed = runExplain({ target: 'service.spec.ports', kubernetesVersion: '1.36' }).stdout;
    // The same text kubectl prints for the field, two columns further in.
    const indented = nodePort.text.replace(/\n$/, '').split('\n').map((l) => (l ? '  ' + l : l)).join('\n');
    expect(listed).toContain(indented);
    expect(facts.field(service, ['spec', 'ports', 'port'])!.text).toMatch(/^port\t<integer> -required-\n/);
  });

  it('treats the keys of a map as values, not fields', () => {
    const pod = facts.resourceFor('v1', 'Pod')!;
    expect(facts.field(pod, ['metadata', 'labels', 'app'])).toBeUndefined();
    expect(facts.fields(pod, ['metadata', 'labels'])).toEqual([]);
    expect(facts.fields(pod, ['spec', 'containers', 'resources', 'limits'])).toEqual([]);
    expect(facts.field(pod, ['spec', 'containers', 'imagePullPolicy'])!.info.values).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it('knows the versions that serve a kind and the kinds of a version', () => {
    expect(facts.apiVersionsOf('Deployment')).toEqual(['apps/v1']);
    expect(facts.apiVersionsOf('HorizontalPodAutoscaler')).toEqual(['autoscaling/v2', 'autoscaling/v1']);
    expect(facts.apiVersionsOf('Nothing')).toEqual([]);
    expect(facts.kindsOf('apps/v1')).toContain('StatefulSet');
    expect(facts.apiVersions()[0]).toBe('v1');
    expect(facts.resourceFor('extensions/v1beta1', 'Deployment')).toBeUndefined();
    expect(facts.kindDescription(facts.resourceFor('apps/v1', 'Deployment')!)).toMatch(/^Deployment enables declarative updates/);
  });

  it('reads the fields of custom resources from their CRDs', () => {
    const crd: JsonValue = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.example.com' },
      spec: {
        group: 'example.com',
        names: { kind: 'Widget', plural: 'widgets' },
        scope: 'Namespaced',
        versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', required: ['size'], properties: { size: { type: 'integer', description: 'How big.' }, shape: { type: 'string', enum: ['round', 'square'] } } } } } } }],
      },
    };
    const custom = new SchemaFacts(loadExplainApi('1.36', [crd]));
    const widget = custom.resourceFor('example.com/v1', 'Widget')!;
    expect(custom.fields(widget, ['spec'])).toEqual([
      { name: 'shape', type: 'string', required: false, description: '', values: ['round', 'square'] },
      { name: 'size', type: 'integer', required: true, description: 'How big.', values: [] },
    ]);
    expect(custom.fields(widget, [])!.map((f) => f.name)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
  });
});

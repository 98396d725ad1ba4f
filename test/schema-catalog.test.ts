import { describe, expect, it } from 'vitest';
import {
  availableVersions, bundledRange, catalogFromOpenAPI, createCatalog, defaultVersion, loadCatalog, mergeCatalogs, normalizeVersion, shortName,
} from '../src/schema/catalog.js';
import { schemaAt } from '../src/schema/locate-schema.js';
import { editDistance } from '../src/text/did-you-mean.js';
import { closestName } from '../src/schema/suggest.js';
import type { JsonValue } from '../src/types.js';

describe('bundled catalogs', () => {
  it('lists the bundled minors, newest is the default', () => {
    expect(availableVersions()).toEqual(['1.28', '1.29', '1.30', '1.32', '1.33', '1.34', '1.36']);
    expect(bundledRange()).toBe('1.28–1.30, 1.32–1.34, 1.36');
    expect(bundledRange(['1.9', '1.10', '1.12'])).toBe('1.9–1.10, 1.12');
    expect(defaultVersion()).toBe('1.36');
    expect(normalizeVersion('v1.36.2')).toBe('1.36');
    expect(loadCatalog('v1.36')).toBe(loadCatalog());
    expect(() => loadCatalog('1.10')).toThrow('no schemas for Kubernetes 1.10; bundled: 1.28–1.30, 1.32–1.34, 1.36 (k8s-lint versions lists them)');
  });

  it('knows served resources with group, plural and scope', () => {
    const catalog = loadCatalog('1.36');
    expect(catalog.findResource('apps/v1', 'Deployment')).toEqual({
      group: 'apps', version: 'v1', kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments', namespaced: true, definition: 'io.k8s.api.apps.v1.Deployment',
    });
    expect(catalog.findResource('v1', 'Namespace')?.namespaced).toBe(false);
    expect(catalog.lookupResource('SVC')).toEqual([]);
    expect(catalog.lookupResource('services').map((r) => r.kind)).toEqual(['Service']);
    expect(catalog.lookupResource('HorizontalPodAutoscaler').map((r) => r.apiVersion)).toEqual(['autoscaling/v1', 'autoscaling/v2']);
  });

  it('keeps $ref names, formats, required fields and kinds', () => {
    const catalog = loadCatalog('1.36');
    const port = catalog.definition('io.k8s.api.core.v1.ServicePort');
    expect(port?.required).toEqual(['port']);
    expect(port?.properties?.port).toEqual({ type: 'integer', format: 'int32' });
    expect(shortName(port?.properties?.targetPort?.$ref ?? '')).toBe('IntOrString');
    expect(catalog.definition('io.k8s.apimachinery.pkg.util.intstr.IntOrString')).toEqual({ type: 'string', format: 'int-or-string' });
    expect(catalog.definition('io.k8s.api.core.v1.ServiceSpec')?.properties?.ports?.items?.$ref).toBe('io.k8s.api.core.v1.ServicePort');
    expect(catalog.definition('io.k8s.api.apps.v1.Deployment')?.['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
    expect(catalog.definition('io.k8s.api.core.v1.PodSpec')?.properties?.containers?.['x-kubernetes-list-map-keys']).toEqual(['name']);
  });

  it('loads descriptions only when asked, with their line breaks', () => {
    const catalog = loadCatalog('1.36');
    expect(JSON.stringify(catalog.definitions)).not.toContain('"description":"');
    expect(catalog.describe('io.k8s.api.core.v1.ServicePort')).toBe("ServicePort contains information on service's port.");
    expect(catalog.describe('io.k8s.api.core.v1.ServicePort', '/properties/appProtocol')).toContain('Valid values are either:\n\n* Un-prefixed protocol names');
    expect(catalog.describe('io.k8s.api.core.v1.ServicePort', '/properties/nope')).toBeUndefined();
  });

  it('finds the schema at an instance path', () => {
    const catalog = loadCatalog('1.36');
    const found = schemaAt(catalog, 'io.k8s.api.apps.v1.Deployment', ['spec', 'template', 'spec', 'containers', 0, 'ports', 1]);
    expect(found.definition).toBe('io.k8s.api.core.v1.ContainerPort');
    expect(schemaAt(catalog, 'io.k8s.api.core.v1.Pod', ['metadata', 'labels', 'app'])).toEqual({ node: { type: 'string' }, definition: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' });
    expect(schemaAt(catalog, 'io.k8s.api.core.v1.Pod', ['spec', 'nope'])).toEqual({});
  });
});

describe('catalogFromOpenAPI', () => {
  const v2 = {
    swagger: '2.0',
    paths: {
      '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}': { get: { 'x-kubernetes-action': 'get', 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Widget' } } },
      '/apis/example.com/v1/widgets': { get: { 'x-kubernetes-action': 'list', 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Widget' } } },
    },
    definitions: {
      'com.example.v1.Widget': {
        description: 'A widget.',
        type: 'object',
        required: ['spec'],
        properties: { spec: { $ref: '#/definitions/com.example.v1.WidgetSpec' } },
        'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Widget' }],
      },
      'com.example.v1.WidgetSpec': { type: 'object', properties: { size: { type: 'integer', format: 'int32', description: 'How big.' } } },
    },
  };

  it('reads a v2 dump: definitions, refs, kinds, plural and scope', () => {
    const catalog = createCatalog(catalogFromOpenAPI(v2 as unknown as JsonValue));
    expect(catalog.findResource('example.com/v1', 'Widget')).toMatchObject({ plural: 'widgets', namespaced: true, definition: 'com.example.v1.Widget' });
    expect(catalog.definition('com.example.v1.Widget')?.properties?.spec?.$ref).toBe('com.example.v1.WidgetSpec');
    expect(catalog.describe('com.example.v1.WidgetSpec', '/properties/size')).toBe('How big.');
  });

  it('reads v3 documents, unwrapping allOf around a $ref', () => {
    const v3 = {
      openapi: '3.0.0',
      paths: { '/apis/example.com/v1/widgets/{name}': { put: { 'x-kubernetes-action': 'put', 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind: 'Widget' } } } },
      components: {
        schemas: {
          'com.example.v1.Widget': {
            type: 'object',
            properties: { spec: { allOf: [{ $ref: '#/components/schemas/com.example.v1.WidgetSpec' }], default: {}, description: 'Spec.' } },
            'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Widget' }],
          },
          'com.example.v1.WidgetSpec': { type: 'object', properties: { mode: { type: 'string', enum: ['a', 'b'] } } },
        },
      },
    };
    const data = catalogFromOpenAPI([v3] as unknown as JsonValue);
    expect(data.resources).toEqual([{ group: 'example.com', version: 'v1', kind: 'Widget', apiVersion: 'example.com/v1', plural: 'widgets', namespaced: false, definition: 'com.example.v1.Widget' }]);
    expect(data.definitions['com.example.v1.Widget']?.properties?.spec).toEqual({ $ref: 'com.example.v1.WidgetSpec', default: {}, description: 'Spec.' });
    expect(data.definitions['com.example.v1.WidgetSpec']?.properties?.mode?.enum).toEqual(['a', 'b']);
  });

  it('merges with a bundled catalog; descriptions come from where each definition came from', () => {
    const merged = mergeCatalogs(loadCatalog('1.36'), createCatalog(catalogFromOpenAPI(v2 as unknown as JsonValue)));
    expect(merged.findResource('apps/v1', 'Deployment')).toBeDefined();
    expect(merged.findResource('example.com/v1', 'Widget')).toBeDefined();
    expect(merged.describe('com.example.v1.Widget')).toBe('A widget.');
    expect(merged.describe('io.k8s.api.core.v1.ServicePort')).toBe("ServicePort contains information on service's port.");
  });

  it('never throws on junk', () => {
    for (const junk of [null, 1, 'x', [], [null], { definitions: 3 }, { paths: { '/api/v1/pods': 1 } }]) {
      expect(catalogFromOpenAPI(junk as JsonValue).resources).toEqual([]);
    }
  });
});

describe('suggestions', () => {
  it('counts a transposition as one edit and stays quiet when nothing is close', () => {
    expect(editDistance('contianers', 'containers')).toBe(1);
    expect(closestName('imagePullPolicyy', ['image', 'imagePullPolicy', 'imagePullSecrets'])).toBe('imagePullPolicy');
    expect(closestName('Replicas', ['replicas'])).toBe('replicas');
    expect(closestName('zzz', ['replicas', 'selector'])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { Discovery, compareVersionPriority } from '../src/explain/discovery.js';
import { resolveResource, resolveResourceWithGroupPrefix } from '../src/explain/resolve-resource.js';
import { resource } from './explain-support/tiny-source.js';

const discovery = new Discovery([
  resource({ group: 'events.k8s.io', version: 'v1', kind: 'Event', plural: 'events', shortNames: ['ev'] }),
  resource({ group: '', version: 'v1', kind: 'Event', plural: 'events', shortNames: ['ev'] }),
  resource({ group: '', version: 'v1', kind: 'Service', plural: 'services', shortNames: ['svc'] }),
  resource({ group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'] }),
  resource({ group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', shortNames: ['hpa'] }),
  resource({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', shortNames: ['hpa'] }),
  resource({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', shortNames: ['ing'] }),
  resource({ group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', singular: 'widget', shortNames: ['svc'] }),
]);

function resolved(target: string, withPrefix = true) {
  const result = withPrefix ? resolveResourceWithGroupPrefix(discovery, target) : resolveResource(discovery, target);
  if (!result.ok) return { error: result.error, warnings: result.warnings };
  const { group, version, resource: plural } = result.mapped;
  return { gvr: `${group}/${version}/${plural}`, fields: result.fieldPath, warnings: result.warnings };
}

describe('resource names', () => {
  it('matches kinds, plurals and singulars in any case', () => {
    for (const name of ['Service', 'services', 'SERVICE', 'Services', 'service']) {
      expect(resolved(name)).toEqual({ gvr: '/v1/services', fields: [], warnings: [] });
    }
  });

  it('matches short names only as written', () => {
    expect(resolved('svc.spec').gvr).toBe('/v1/services');
    expect(resolved('SVC')).toEqual({ error: 'the server doesn\'t have a resource type "SVC"', warnings: [] });
  });

  it('prefers the earliest group and warns about a short name other groups also use', () => {
    expect(resolved('ev')).toEqual({
      gvr: '/v1/events',
      fields: [],
      warnings: ['short name "ev" could also match lower priority resource events.events.k8s.io'],
    });
    expect(resolved('events')).toEqual({ gvr: '/v1/events', fields: [], warnings: [] });
    expect(resolved('svc').warnings).toEqual(['short name "svc" could also match lower priority resource widgets.example.com']);
  });

  it('prefers the preferred version of a group', () => {
    expect(resolved('hpa.spec').gvr).toBe('autoscaling/v2/horizontalpodautoscalers');
  });

  it('reads plural.group as a resource only without --api-version', () => {
    expect(resolved('ingresses.networking.k8s.io.spec.tls')).toMatchObject({ gvr: 'networking.k8s.io/v1/ingresses', fields: ['spec', 'tls'] });
    expect(resolved('ingresses.networking.k8s.io.spec.tls', false)).toMatchObject({ fields: ['networking', 'k8s', 'io', 'spec', 'tls'] });
    expect(resolved('ing.networking.k8s.io')).toMatchObject({ gvr: 'networking.k8s.io/v1/ingresses', fields: ['networking', 'k8s', 'io'] });
  });

  it('drops one trailing dot', () => {
    expect(resolved('svc.spec.')).toMatchObject({ fields: ['spec'] });
  });

  it('knows the list kinds kubectl guesses, which no path serves', () => {
    expect(resolved('servicelist')).toMatchObject({ gvr: '/v1/servicelists' });
    expect(resolved('lists')).toMatchObject({ gvr: '/v1/lists' });
  });

  it('reports unknown names as kubectl does', () => {
    expect(resolved('servics')).toEqual({ error: 'the server doesn\'t have a resource type "servics"', warnings: [] });
    expect(resolved('.spec')).toEqual({ error: 'error: a resource must be present, got: /, Resource=', warnings: [] });
  });
});

describe('version priority', () => {
  it('orders GA, beta, alpha, then others', () => {
    const versions = ['v1alpha1', 'foo', 'v1', 'v2beta1', 'v1beta2', 'v2', 'v10', 'v11alpha2'];
    expect([...versions].sort(compareVersionPriority)).toEqual(['v10', 'v2', 'v1', 'v2beta1', 'v1beta2', 'v11alpha2', 'v1alpha1', 'foo']);
  });

  it('puts known groups in discovery order and other groups after them by name', () => {
    expect(discovery.groups.map((g) => g.name)).toEqual(['', 'events.k8s.io', 'autoscaling', 'networking.k8s.io', 'example.com']);
    expect(discovery.groups.find((g) => g.name === 'autoscaling')?.versions).toEqual(['v2', 'v1']);
  });
});

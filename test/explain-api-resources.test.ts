import { describe, expect, it } from 'vitest';
import { runApiResources, runApiVersions } from '../src/explain/index.js';
import { formatTable } from '../src/explain/api-resources.js';
import { explainApiFrom } from '../src/explain/source.js';
import { resource, tinySource } from './explain-support/tiny-source.js';

const api = explainApiFrom(
  tinySource(
    [
      resource({ group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', shortNames: ['hpa'] }),
      resource({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', shortNames: ['hpa'] }),
      resource({ group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'] }),
      resource({ group: '', version: 'v1', kind: 'Pod', plural: 'pods', shortNames: ['po'], categories: ['all'] }),
      resource({ group: 'example.com', version: 'v1alpha1', kind: 'Widget', plural: 'widgets' }),
      resource({ group: 'example.com', version: 'v1', kind: 'Gizmo', plural: 'gizmos' }),
    ],
    {},
  ),
);

describe('api-resources', () => {
  it('lists each resource once, in its preferred version, by group then name, aligned like kubectl', () => {
    expect(runApiResources({}, api).stdout).toBe(
      [
        'NAME                       SHORTNAMES   APIVERSION             NAMESPACED   KIND',
        'namespaces                 ns           v1                     false        Namespace',
        'pods                       po           v1                     true         Pod',
        'horizontalpodautoscalers   hpa          autoscaling/v2         true         HorizontalPodAutoscaler',
        'gizmos                                  example.com/v1         true         Gizmo',
        'widgets                                 example.com/v1alpha1   true         Widget',
        '',
      ].join('\n'),
    );
  });

  it('filters by group and scope, prints names, sorts by kind, drops headers', () => {
    expect(runApiResources({ apiGroup: '', namespaced: true, output: 'name' }, api).stdout).toBe('pods\n');
    expect(runApiResources({ apiGroup: 'example.com', output: 'name' }, api).stdout).toBe('gizmos.example.com\nwidgets.example.com\n');
    expect(runApiResources({ sortBy: 'kind', output: 'name' }, api).stdout.split('\n')[0]).toBe('gizmos.example.com');
    expect(runApiResources({ apiGroup: '', noHeaders: true }, api).stdout.startsWith('namespaces')).toBe(true);
  });

  it('adds verbs and categories in wide output', () => {
    expect(runApiResources({ apiGroup: '', namespaced: true, output: 'wide' }, api).stdout).toBe(
      // Columns are at least ten wide, as kubectl's tab writer makes them.
      'NAME      SHORTNAMES   APIVERSION   NAMESPACED   KIND      VERBS        CATEGORIES\n' +
        'pods      po           v1           true         Pod       [get list]   [all]\n',
    );
  });

  it('rejects unknown output formats as a usage error', () => {
    expect(runApiResources({ output: 'json' as never }, api).exitCode).toBe(2);
  });
});

describe('api-versions', () => {
  it('prints every served group/version sorted as text', () => {
    expect(runApiVersions({}, api).stdout).toBe('autoscaling/v1\nautoscaling/v2\nexample.com/v1\nexample.com/v1alpha1\nv1\n');
  });
});

describe('formatTable', () => {
  it('pads columns to the widest cell plus three, at least ten, and leaves the last column alone', () => {
    expect(formatTable([['a', 'bb', 'c'], ['dddddddddd', '', 'last cell']])).toBe('a            bb        c\ndddddddddd             last cell\n');
  });
});

import { describe, expect, it } from 'vitest';
import { PodIndex } from '../src/k8s/pod-index.js';
import type { PodsFact } from '../src/k8s/pods.js';

const pod = (namespace: string, source: string, labels: Record<string, string>): PodsFact => ({ type: 'pods', namespace, source, labels, ports: [] });

describe('PodIndex', () => {
  const pods = [
    pod('default', 'Deployment a', { app: 'web', tier: 'front' }),
    pod('default', 'Deployment b', { app: 'web', tier: 'back' }),
    pod('shop', 'Deployment c', { app: 'web', tier: 'front' }),
    pod('default', 'Pod d', { app: 'db' }),
  ];
  const index = new PodIndex(pods);

  it('finds the pods whose labels include every selector entry, in input order, per namespace', () => {
    expect(index.selectedBy('default', { app: 'web' }).map((p) => p.source)).toEqual(['Deployment a', 'Deployment b']);
    expect(index.selectedBy('default', { app: 'web', tier: 'front' }).map((p) => p.source)).toEqual(['Deployment a']);
    expect(index.selectedBy('shop', { app: 'web', tier: 'back' })).toEqual([]);
    expect(index.selectedBy('default', { app: 'nginx' })).toEqual([]);
    expect(index.selectedBy('default', {})).toEqual([]);
  });

  it('lists a namespace', () => {
    expect(index.inNamespace('default')).toHaveLength(3);
    expect(index.inNamespace('none')).toHaveLength(0);
  });
});

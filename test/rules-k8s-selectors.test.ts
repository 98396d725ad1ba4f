import { describe, expect, it } from 'vitest';
import { describeRequirement, labelMapOf, labelSelectorRequirements, mapRequirements, requirementMatches, selectorMatches } from '../src/k8s/selectors.js';

describe('label selectors', () => {
  const selector = {
    matchLabels: { app: 'web' },
    matchExpressions: [
      { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
      { key: 'track', operator: 'NotIn', values: ['canary'] },
      { key: 'team', operator: 'Exists' },
      { key: 'legacy', operator: 'DoesNotExist' },
    ],
  };
  const reqs = labelSelectorRequirements(selector, ['spec', 'selector']);

  it('reads matchLabels and matchExpressions with the path of each entry', () => {
    expect(reqs.map((r) => [describeRequirement(r), r.path.join('.')])).toEqual([
      ['app=web', 'spec.selector.matchLabels.app'],
      ['tier in (frontend,edge)', 'spec.selector.matchExpressions.0'],
      ['track notin (canary)', 'spec.selector.matchExpressions.1'],
      ['team', 'spec.selector.matchExpressions.2'],
      ['!legacy', 'spec.selector.matchExpressions.3'],
    ]);
  });

  it('matches when every requirement holds', () => {
    expect(selectorMatches(reqs, { app: 'web', tier: 'edge', team: 'a' })).toBe(true);
    expect(selectorMatches(reqs, { app: 'web', tier: 'edge', team: 'a', track: 'stable', extra: 'x' })).toBe(true);
  });

  it('fails on each requirement alone', () => {
    const ok = { app: 'web', tier: 'edge', team: 'a' };
    expect(selectorMatches(reqs, { ...ok, app: 'api' })).toBe(false);
    expect(selectorMatches(reqs, { ...ok, tier: 'backend' })).toBe(false);
    expect(selectorMatches(reqs, { ...ok, track: 'canary' })).toBe(false);
    expect(selectorMatches(reqs, { app: 'web', tier: 'edge' })).toBe(false);
    expect(selectorMatches(reqs, { ...ok, legacy: '' })).toBe(false);
  });

  it('NotIn and DoesNotExist hold for a missing label; In and Exists do not', () => {
    const [, inReq, notIn, exists, doesNotExist] = reqs;
    expect(requirementMatches(inReq!, {})).toBe(false);
    expect(requirementMatches(notIn!, {})).toBe(true);
    expect(requirementMatches(exists!, {})).toBe(false);
    expect(requirementMatches(doesNotExist!, {})).toBe(true);
  });

  it('an empty label value is a value: Exists holds, In ("") holds', () => {
    const [req] = labelSelectorRequirements({ matchExpressions: [{ key: 'a', operator: 'In', values: [''] }] }, []);
    expect(requirementMatches(req!, { a: '' })).toBe(true);
    expect(requirementMatches({ ...req!, operator: 'Exists' }, { a: '' })).toBe(true);
  });

  it('an empty selector matches everything', () => {
    expect(selectorMatches(labelSelectorRequirements({}, []), {})).toBe(true);
  });

  it('plain map selectors (Service, ReplicationController) are equalities', () => {
    const plain = mapRequirements({ app: 'nginx', version: 2 }, ['spec', 'selector']);
    expect(plain.map(describeRequirement)).toEqual(['app=nginx', 'version=2']);
    expect(selectorMatches(plain, { app: 'nginx', version: '2' })).toBe(true);
    expect(selectorMatches(plain, { app: 'nginx' })).toBe(false);
  });

  it('skips what it cannot read instead of guessing', () => {
    expect(labelSelectorRequirements({ matchExpressions: [{ key: 'a', operator: 'Like', values: ['x'] }, { operator: 'Exists' }, 3, null] }, [])).toEqual([]);
    expect(labelSelectorRequirements(['app'], [])).toEqual([]);
    expect(mapRequirements(null, [])).toEqual([]);
    expect(labelMapOf({ a: 'x', b: { nested: 1 }, c: null, d: true })).toEqual({ a: 'x', d: 'true' });
  });
});

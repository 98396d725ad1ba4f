import { describe, expect, it } from 'vitest';
import { editDistance } from '../src/text/did-you-mean.js';
import { closestMatch, prefixMatch } from '../src/explain/suggest.js';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('prot', 'port')).toBe(1);
    expect(editDistance('prot', 'ports')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('closestMatch', () => {
  const fields = ['clusterIP', 'ports', 'selector', 'type', 'protocol'];

  it('finds typos and case slips, an exact name first', () => {
    expect(closestMatch('prot', ['ports', 'selector', 'type'])).toBe('ports');
    expect(closestMatch('Spec', ['spec', 'status'])).toBe('spec');
    expect(closestMatch('protocol', ['appProtocol', 'protocol'])).toBe('protocol');
  });

  it('completes prefixes of three characters or more', () => {
    expect(prefixMatch('sel', fields)).toBe('selector');
    expect(prefixMatch('se', fields)).toBeUndefined();
  });

  it('stays quiet when nothing is close', () => {
    expect(closestMatch('x', ['id', 'type'])).toBeUndefined();
    expect(closestMatch('', fields)).toBeUndefined();
    expect(closestMatch('banana', fields)).toBeUndefined();
  });

  it('prefers the earlier of equally close candidates', () => {
    expect(closestMatch('servics', ['services', 'Service'])).toBe('services');
  });
});

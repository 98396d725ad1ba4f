import { describe, expect, it } from 'vitest';
import { compareFractions, milliValue, parseQuantity, quantityOf } from '../src/k8s/quantity.js';

const value = (text: string) => {
  const q = parseQuantity(text);
  return q && Number(q.num) / Number(q.den);
};

describe('resource quantities', () => {
  it('reads plain, decimal-SI, binary-SI and exponent forms', () => {
    expect(value('2')).toBe(2);
    expect(value('500m')).toBe(0.5);
    expect(value('1.5')).toBe(1.5);
    expect(value('.5')).toBe(0.5);
    expect(value('5.')).toBe(5);
    expect(value('+3')).toBe(3);
    expect(value('-1')).toBe(-1);
    expect(value('1k')).toBe(1000);
    expect(value('1Ki')).toBe(1024);
    expect(value('1Gi')).toBe(2 ** 30);
    expect(value('1E')).toBe(1e18);
    expect(value('1e3')).toBe(1000);
    expect(value('1E3')).toBe(1000);
    expect(value('1e-3')).toBe(0.001);
    expect(value('100n')).toBe(1e-7);
  });

  it('rejects what the API server cannot parse', () => {
    for (const bad of ['', 'abc', '1 Gi', '1GB', '1gi', '1K', '1e', '--1', '1.2.3', '1Mi1', 'e3', '1e9999']) {
      expect(parseQuantity(bad), bad).toBeUndefined();
    }
  });

  it('compares exactly, across suffixes', () => {
    const cmp = (a: string, b: string) => compareFractions(parseQuantity(a)!, parseQuantity(b)!);
    expect(cmp('1Gi', '1073741824')).toBe(0);
    expect(cmp('1G', '1Gi')).toBe(-1);
    expect(cmp('0.5', '500m')).toBe(0);
    expect(cmp('1001m', '1')).toBe(1);
    expect(cmp('0.1', '100m')).toBe(0);
    expect(cmp('129Mi', '128Mi')).toBe(1);
  });

  it('rounds up to thousandths as defaulting does', () => {
    expect(milliValue('0.0001')).toBe(1n);
    expect(milliValue('1500u')).toBe(2n);
    expect(milliValue('250m')).toBe(250n);
    expect(milliValue('2')).toBe(2000n);
    expect(milliValue(0.5)).toBe(500n);
    expect(milliValue('1Ki')).toBe(1024000n);
    expect(milliValue('-0.0001')).toBe(-1n);
  });

  it('reads YAML numbers as their text and skips other types', () => {
    expect(quantityOf(1)).toEqual({ num: 1n, den: 1n });
    expect(quantityOf(null)).toBeUndefined();
    expect(quantityOf({})).toBeUndefined();
    expect(quantityOf(Number.NaN)).toBeUndefined();
  });
});

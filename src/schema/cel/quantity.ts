/**
 * Resource quantities (`500m`, `1.5Gi`, `1e3`) as exact fractions, for the `quantity()` functions
 * of the Kubernetes CEL library (apiserver pkg/cel/library/quantity.go, which wraps
 * apimachinery pkg/api/resource Quantity). Exact arithmetic: `0.1 + 0.2` compares equal to `0.3`.
 */

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

export class Quantity {
  /** The value is num/den, den > 0, in lowest terms. */
  readonly num: bigint;
  readonly den: bigint;

  constructor(num: bigint, den = 1n) {
    const sign = den < 0n ? -1n : 1n;
    const g = gcd(num, den);
    this.num = (sign * num) / g;
    this.den = (sign * den) / g;
  }

  add(other: Quantity): Quantity {
    return new Quantity(this.num * other.den + other.num * this.den, this.den * other.den);
  }

  sub(other: Quantity): Quantity {
    return new Quantity(this.num * other.den - other.num * this.den, this.den * other.den);
  }

  compare(other: Quantity): -1 | 0 | 1 {
    const diff = this.num * other.den - other.num * this.den;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** An integer that fits in int64 (Quantity.AsInt64 succeeds). */
  isInteger(): boolean {
    return this.den === 1n && this.num >= INT64_MIN && this.num <= INT64_MAX;
  }

  approximateFloat(): number {
    return Number(this.num) / Number(this.den);
  }
}

/** Parses a quantity the way resource.ParseQuantity does; undefined when it is not one. */
export function parseQuantity(text: string): Quantity | undefined {
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction, suffix = ''] = match;
  if (whole === '' && (fraction === undefined || fraction === '')) return undefined;
  const digits = whole + (fraction ?? '');
  let num = BigInt(digits === '' ? '0' : digits) * (sign === '-' ? -1n : 1n);
  let den = 10n ** BigInt((fraction ?? '').length);
  if (suffix in BINARY) num *= BINARY[suffix]!;
  else if (suffix in DECIMAL) {
    const exp = DECIMAL[suffix]!;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  } else {
    const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
    if (!exponent) return undefined;
    const exp = Number(exponent[1]);
    // The API server rejects exponents that do not fit its scale; this bound also keeps bigints small.
    if (!Number.isSafeInteger(exp) || Math.abs(exp) > 1000) return undefined;
    if (exp >= 0) num *= 10n ** BigInt(exp);
    else den *= 10n ** BigInt(-exp);
  }
  return new Quantity(num, den);
}

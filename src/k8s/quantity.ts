/**
 * resource.Quantity as the API machinery reads it: a signed decimal number with an optional suffix,
 * either binary SI (Ki … Ei), decimal SI (n, u, m, k, M, G, T, P, E) or a decimal exponent (e3, E-2).
 * Values are kept as exact fractions, so `1Gi` and `1073741824` compare equal and `0.1` is not a float.
 */

/** An exact value: numerator / denominator, the denominator positive. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** Exponents beyond this are skipped rather than expanded into huge integers. */
const MAX_EXPONENT = 400;

function scaled(num: bigint, den: bigint, exp10: number, exp2 = 0): Fraction {
  let n = num * 2n ** BigInt(exp2);
  let d = den;
  if (exp10 >= 0) n *= 10n ** BigInt(exp10);
  else d *= 10n ** BigInt(-exp10);
  return { num: n, den: d };
}

/** The exact value of a quantity string, or undefined when it is not one. */
export function parseQuantity(text: string): Fraction | undefined {
  const m = QUANTITY.exec(text.trim());
  if (!m) return undefined;
  const [, sign, number, suffix = ''] = m as unknown as [string, string, string, string | undefined];
  const [whole = '', fraction = ''] = number.split('.');
  const digits = BigInt((whole || '0') + fraction);
  const num = sign === '-' ? -digits : digits;
  const den = 10n ** BigInt(fraction.length);
  if (suffix in BINARY) return scaled(num, den, 0, BINARY[suffix]);
  if (suffix in DECIMAL) return scaled(num, den, DECIMAL[suffix]!);
  if (suffix === '') return { num, den };
  const exp = Number(suffix.slice(1));
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > MAX_EXPONENT) return undefined;
  return scaled(num, den, exp);
}

/** A quantity as written in a manifest: a string, or a YAML number (which the API reads as its text). */
export function quantityOf(value: unknown): Fraction | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? parseQuantity(String(value)) : undefined;
  return typeof value === 'string' ? parseQuantity(value) : undefined;
}

/**
 * The value in thousandths, rounded away from zero: the API server rounds every container resource
 * quantity up to milli precision before it validates (`0.0001` cpu becomes `1m`).
 */
export function milliValue(value: unknown): bigint | undefined {
  const q = quantityOf(value);
  if (!q) return undefined;
  const n = q.num * 1000n;
  const whole = n / q.den;
  return n % q.den === 0n ? whole : whole + (n < 0n ? -1n : 1n);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

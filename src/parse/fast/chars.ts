/**
 * What every part of the fast scanner shares: the way out to the full parser, and character tests.
 */
const STOP = new Error('not for the fast path');

/** Leaves the fast path: the file is read by the full parser instead. */
export function bail(): never {
  throw STOP;
}

export function isBail(error: unknown): boolean {
  return error === STOP;
}

export const SP = 32;
export const NL = 10;

/** Characters that cannot start a plain scalar or key here. */
export function isIndicator(c: number): boolean {
  // ? : , [ ] { } # & * ! | > ' " % @ `
  return c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

export function trimEnd(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === SP) e--;
  return s.slice(0, e);
}

/** Offset of the end of the line at i (its newline, or the end of the text). */
export function eol(t: string, i: number): number {
  const e = t.indexOf('\n', i);
  return e < 0 ? t.length : e;
}

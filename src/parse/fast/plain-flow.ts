import type { JsonValue } from '../../types.js';
import { bail, eol, isIndicator, NL, SP } from './chars.js';
import { readQuoted, quotedOut } from './quoted.js';
import { BAIL, resolvePlain } from './scalars.js';
import type { TableBuilder } from './table.js';

function breakAt(t: string, i: number): boolean {
  return i >= t.length || t.charCodeAt(i) === SP || t.charCodeAt(i) === NL;
}

/** A plain scalar once its continuation lines are read: text, end of its range, next line. */
export const plainOut = { str: '', end: 0, next: 0 };

/**
 * Continuation lines of a plain scalar whose first line is `str` (ending at `end`, next line at
 * `next`): lines more indented than the collection, folded with spaces and newlines.
 */
export function continuePlain(t: string, str: string, end: number, next: number, indent: number): void {
  let q = next;
  let blanks = 0;
  while (q < t.length) {
    let r = q;
    while (t.charCodeAt(r) === SP) r++;
    if (r >= t.length) break;
    const ch = t.charCodeAt(r);
    // Any character but `#` may start a continuation line.
    if (ch === NL) {
      blanks++;
      q = r + 1;
      continue;
    }
    if (r - q <= indent || ch === 35) break;
    const le = eol(t, r);
    for (let i = r; i < le; i++) {
      const x = t.charCodeAt(i);
      if ((x === 58 && breakAt(t, i + 1)) || (x === 35 && t.charCodeAt(i - 1) === SP)) bail();
    }
    let ve = le;
    while (t.charCodeAt(ve - 1) === SP) ve--;
    str += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + t.slice(r, ve);
    blanks = 0;
    end = ve;
    next = le < t.length ? le + 1 : t.length;
    q = next;
  }
  plainOut.str = str;
  plainOut.end = end;
  plainOut.next = next;
}

/** Where the last flow sequence read ends (after its `]`). */
export const flowEnd = { at: 0 };

/**
 * Skips spaces from q and, in a flow sequence of the block collection at `indent`, line breaks
 * too: a line that goes on with the sequence must be indented more than that collection, except
 * one that starts with the closing `]`, which may sit at its indentation (as the full parser
 * reads them). Blank lines may come between; a comment, a tab or a carriage return is left to the
 * full parser.
 */
function skipFlowSpace(t: string, q: number, indent: number): number {
  for (;;) {
    while (t.charCodeAt(q) === SP) q++;
    if (t.charCodeAt(q) !== NL) return q;
    const lineStart = q + 1;
    q = lineStart;
    while (t.charCodeAt(q) === SP) q++;
    const c = t.charCodeAt(q);
    if (c === NL) continue;
    if (q >= t.length || c === 35 || c === 9 || c === 13) bail();
    const column = q - lineStart;
    if (column < indent || (column === indent && c !== 93)) bail();
  }
}

/**
 * A flow sequence of scalars at p (`[a, "b"]`), on one line or several, in the block collection
 * at `indent`; its items' positions go to `table`.
 */
export function readFlowSequence(t: string, p: number, table: TableBuilder, indent: number): JsonValue[] {
  const arr: JsonValue[] = [];
  let q = skipFlowSpace(t, p + 1, indent);
  if (t.charCodeAt(q) === 93) q++;
  else {
    for (;;) {
      q = skipFlowSpace(t, q, indent);
      const c = t.charCodeAt(q);
      if (c === 34 || c === 39) {
        const qe = readQuoted(t, q, -1);
        arr.push(quotedOut.str);
        table.seqEntry(table.scalar(q, qe));
        q = qe;
      } else {
        if (q >= t.length || isIndicator(c) || c === NL || (c === 45 && (breakAt(t, q + 1) || isIndicator(t.charCodeAt(q + 1)) || t.charCodeAt(q + 1) === 45))) bail();
        const s = q;
        for (;; q++) {
          const ch = t.charCodeAt(q);
          if (ch === 44 || ch === 93) break;
          if (q >= t.length || ch === NL || ch === 58 || ch === 35 || ch === 91 || ch === 123 || ch === 125) bail();
        }
        let e = q;
        while (t.charCodeAt(e - 1) === SP) e--;
        const v = resolvePlain(t.slice(s, e));
        if (v === BAIL) bail();
        arr.push(v);
        table.seqEntry(table.scalar(s, e));
      }
      q = skipFlowSpace(t, q, indent);
      const d = t.charCodeAt(q);
      if (d === 93) {
        q++;
        break;
      }
      if (d !== 44) bail();
      q = skipFlowSpace(t, q + 1, indent);
      // A comma may end the list: `[a, b,]` has two items.
      if (t.charCodeAt(q) === 93) {
        q++;
        break;
      }
    }
  }
  flowEnd.at = q;
  return arr;
}

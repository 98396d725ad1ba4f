import type { JsonValue } from '../../types.js';
import { bail, NL, SP } from './chars.js';
import { TableBuilder } from './table.js';
import { COMMENT, NEWLINE, SPACE, Trivia } from './trivia.js';

/**
 * The scanner's position and the result of the last value it read, with the line-level reading
 * every construct shares: blank and comment lines between tokens, and the rest of a token's line.
 * The grammar itself is in scanner.ts.
 */
export class ScannerState {
  pos = 0;
  lineStart = 0;
  /** Indentation of the next content line; -1 at the end of the document. */
  nextIndent = -1;
  atDocEnd = false;
  // The result of the last value read, in fields rather than objects.
  value: JsonValue = null;
  rec = 0;
  kind = 0;
  end2 = 0;
  /** Start of the trailing tokens a finished collection passed up, -1 for none, -2 for a scalar. */
  moved = -2;
  str = '';
  keyEnd = 0;
  depth = 0;
  commentBefore = false;
  multiline = false;
  readonly trivia = new Trivia();
  readonly table = new TableBuilder();
  readonly len: number;

  constructor(readonly text: string) {
    this.len = text.length;
  }

  protected breakAt(i: number): boolean {
    return i >= this.len || this.text.charCodeAt(i) === SP || this.text.charCodeAt(i) === NL;
  }

  protected eol(i: number): number {
    const e = this.text.indexOf('\n', i);
    return e < 0 ? this.len : e;
  }

  protected isDash(i: number): boolean {
    return this.text.charCodeAt(i) === 45 && this.breakAt(i + 1);
  }

  /** From a line start, collects blank and comment lines up to the next content or document end. */
  scanTrivia(): void {
    const t = this.text;
    const len = this.len;
    const trivia = this.trivia;
    trivia.clear();
    let p = this.pos;
    for (;;) {
      let q = p;
      while (t.charCodeAt(q) === SP) q++;
      const ind = q - p;
      if (q >= len) {
        if (ind > 0) trivia.push(SPACE, p, q, 0);
        this.atDocEnd = true;
        this.nextIndent = -1;
        this.pos = this.lineStart = len;
        return;
      }
      const c = t.charCodeAt(q);
      if (c === NL) {
        if (ind > 0) trivia.push(SPACE, p, q, 0);
        trivia.push(NEWLINE, q, q + 1, ind);
        p = q + 1;
        continue;
      }
      if (c === 35) {
        const e = this.eol(q);
        if (ind > 0) trivia.push(SPACE, p, q, 0);
        trivia.push(COMMENT, q, e, ind);
        if (e < len) trivia.push(NEWLINE, e, e + 1, ind);
        p = e < len ? e + 1 : len;
        continue;
      }
      if (ind === 0 && c === 45 && t.startsWith('---', q) && this.breakAt(q + 3)) {
        this.atDocEnd = true;
        this.nextIndent = -1;
        this.pos = this.lineStart = q;
        return;
      }
      if (ind === 0 && (c === 37 || (c === 46 && t.startsWith('...', q)))) bail();
      if (ind > 0) trivia.push(SPACE, p, q, 0);
      this.atDocEnd = false;
      this.nextIndent = ind;
      this.pos = q;
      this.lineStart = p;
      return;
    }
  }

  /** After a token: spaces, then a comment or the end of the line. Returns the next line's start. */
  protected lineEnd(q: number, tokenEnd: number): number {
    const t = this.text;
    while (t.charCodeAt(q) === SP) q++;
    if (q >= this.len) return this.len;
    const c = t.charCodeAt(q);
    if (c === NL) return q + 1;
    if (c === 35 && q > tokenEnd) {
      const e = this.eol(q);
      return e < this.len ? e + 1 : this.len;
    }
    return bail();
  }
}

import type { JsonValue } from '../../types.js';
import { readBlockScalar, blockOut } from './block-scalar.js';
import { bail, isIndicator, NL, SP } from './chars.js';
import { continuePlain, flowEnd, plainOut, readFlowSequence } from './plain-flow.js';
import { readQuoted, quotedOut } from './quoted.js';
import { BAIL, resolvePlain } from './scalars.js';
import { ScannerState } from './scanner-state.js';
import { MAP, SEQ, type FastTable } from './table.js';
import { EMPTY, HAS_END, hasComment, keepsTrailing, lastEnd, NO_END, settle } from './trivia.js';

/** Shallower than the full path's limit, so that every limit finding comes from the full path. */
const MAX_DEPTH = 128;

export interface FastDocument {
  value: JsonValue | undefined;
  table: FastTable;
}

/**
 * A scanner for the YAML that manifests are written in: block mappings and sequences, plain and
 * quoted scalars, literal and folded block scalars, one-line flow sequences, `{}`, comments and
 * `---`. Anything else (anchors, tags, tabs, odd indentation, any error) bails out, and the file
 * is read by the full parser instead, so the fast path never has to explain a problem, only to
 * agree with the full path where there is none.
 */
export class Scanner extends ScannerState {
  private quoted(q: number, indent: number): number {
    const end = readQuoted(this.text, q, indent);
    this.str = quotedOut.str;
    this.multiline = quotedOut.multiline;
    return end;
  }

  private blockScalar(indent: number, p: number, inMap: boolean): void {
    readBlockScalar(this.text, p, indent, inMap);
    this.value = blockOut.value;
    this.rec = this.table.scalar(p, blockOut.end);
    this.kind = NO_END;
    this.end2 = blockOut.end;
    this.moved = -2;
    this.pos = blockOut.end;
    this.scanTrivia();
  }

  private scalarDone(value: JsonValue, start: number, end: number, kind: number, next: number): void {
    this.value = value;
    this.rec = this.table.scalar(start, end);
    this.kind = kind;
    this.end2 = next;
    this.moved = -2;
    this.pos = next;
    this.scanTrivia();
  }

  /** A mapping or a sequence starting at `pos`, with indentation `indent`. */
  block(indent: number): void {
    if (this.isDash(this.pos)) this.sequence(indent);
    else this.mapping(indent);
  }

  /** A finished collection: where it ends, and what it passes up to its parent. */
  private finish(kind: number, base: number, start: number, indent: number): void {
    let end: number;
    let trailing: number;
    if (this.moved === -2) {
      const s = settle(this.trivia, 0, this.kind, indent, this.end2);
      end = s.valueEnd;
      trailing = s.trailing;
    } else {
      end = this.end2;
      trailing = this.moved;
    }
    let end2 = end;
    let moved = -1;
    if (trailing >= 0) {
      if (keepsTrailing(this.trivia, trailing, indent)) end2 = lastEnd(this.trivia);
      else moved = trailing;
    }
    this.rec = this.table.close(kind, base, start, end);
    this.kind = NO_END;
    this.end2 = end2;
    this.moved = moved;
  }

  private mapping(indent: number): void {
    if (++this.depth > MAX_DEPTH) bail();
    const base = this.table.open();
    const start = this.pos;
    const obj: Record<string, JsonValue> = {};
    for (;;) {
      const keyStart = this.pos;
      const key = this.key();
      const keyEnd = this.keyEnd;
      this.valueAfter(indent, true);
      if (Object.prototype.hasOwnProperty.call(obj, key)) bail();
      obj[key] = this.value;
      this.table.mapEntry(keyStart, keyEnd, key, this.rec);
      if (this.atDocEnd || this.nextIndent < indent) break;
      if (this.nextIndent > indent || this.isDash(this.pos)) bail();
    }
    this.finish(MAP, base, start, indent);
    this.value = obj;
    this.depth--;
  }

  private sequence(indent: number): void {
    if (++this.depth > MAX_DEPTH) bail();
    const base = this.table.open();
    const start = this.pos;
    const arr: JsonValue[] = [];
    for (;;) {
      // Comments before a `-` that the previous item does not keep belong to this item; an empty
      // item reaches over them (see valueAfter).
      if (arr.length > 0) {
        const from = this.moved === -2 ? settle(this.trivia, 0, this.kind, indent, this.end2).trailing : this.moved;
        this.commentBefore = from >= 0 && hasComment(this.trivia, from);
      } else this.commentBefore = false;
      this.pos++;
      this.valueAfter(indent, false);
      arr.push(this.value);
      this.table.seqEntry(this.rec);
      if (this.atDocEnd || this.nextIndent < indent) break;
      if (this.nextIndent > indent) bail();
      if (!this.isDash(this.pos)) break;
    }
    this.finish(SEQ, base, start, indent);
    this.value = arr;
    this.depth--;
  }

  /** A mapping key at `pos`: returns its name; `keyEnd` and `pos` (after the colon) are set. */
  private key(): string {
    const t = this.text;
    const p = this.pos;
    const c = t.charCodeAt(p);
    let key: string;
    if (c === 34 || c === 39) {
      const qe = this.quoted(p, -1);
      if (t.charCodeAt(qe) !== 58 || !this.breakAt(qe + 1)) bail();
      key = this.str;
      this.keyEnd = qe;
    } else {
      if (isIndicator(c) || this.isDash(p)) bail();
      let i = p;
      for (;; i++) {
        if (i >= this.len) bail();
        const ch = t.charCodeAt(i);
        if (ch === 58 && this.breakAt(i + 1)) break;
        if (ch === NL || (ch === 35 && t.charCodeAt(i - 1) === SP)) bail();
      }
      if (t.charCodeAt(i - 1) === SP) bail();
      const resolved = resolvePlain(t.slice(p, i));
      if (resolved === null || resolved === BAIL) bail();
      key = String(resolved);
      this.keyEnd = i;
    }
    if (key === '<<' || key === '__proto__' || this.keyEnd - p > 1000) bail();
    this.pos = this.keyEnd + 1;
    return key;
  }

  /** The value after a `key:` (in a mapping at `indent`) or a `-` (in a sequence at `indent`). */
  private valueAfter(indent: number, inMap: boolean): void {
    const t = this.text;
    let p = this.pos;
    while (t.charCodeAt(p) === SP) p++;
    const c = t.charCodeAt(p);
    if (p >= this.len || c === NL || c === 35) {
      const e = c === NL ? p : this.eol(p);
      const next = e < this.len ? e + 1 : this.len;
      this.pos = next;
      this.scanTrivia();
      if (!this.atDocEnd && (this.nextIndent > indent || (inMap && this.nextIndent === indent && this.isDash(this.pos)))) {
        this.block(this.nextIndent);
        return;
      }
      this.value = null;
      this.rec = this.table.scalar(p, p);
      this.kind = EMPTY;
      // An empty value sits after its indicator; it reaches over what follows only when a comment
      // is among it (the parser keeps the comment with the value).
      const before = !inMap && this.commentBefore;
      this.end2 = before || c === 35 || hasComment(this.trivia, 0) ? (this.trivia.count > 0 ? lastEnd(this.trivia) : next) : p;
      this.moved = -2;
      return;
    }
    if (c === 124 || c === 62) return this.blockScalar(indent, p, inMap);
    if (c === 34 || c === 39) {
      const qe = this.quoted(p, indent);
      let q = qe;
      while (t.charCodeAt(q) === SP) q++;
      if (t.charCodeAt(q) === 58 && this.breakAt(q + 1)) {
        if (this.multiline) bail();
        return this.compactMapping(inMap, p);
      }
      return this.scalarDone(this.str, p, qe, HAS_END, this.lineEnd(qe, qe));
    }
    if (c === 91) return this.flowSequence(p, indent);
    if (c === 123) {
      if (t.charCodeAt(p + 1) !== 125) bail();
      const next = this.lineEnd(p + 2, p + 2);
      this.value = {};
      this.rec = this.table.close(MAP, this.table.open(), p, p + 2);
      this.kind = HAS_END;
      this.end2 = next;
      this.moved = -2;
      this.pos = next;
      this.scanTrivia();
      return;
    }
    if (isIndicator(c) || this.isDash(p)) bail();
    const e = this.eol(p);
    let stop = e;
    let comment = false;
    for (let i = p; i < e; i++) {
      const ch = t.charCodeAt(i);
      if (ch === 58 && this.breakAt(i + 1)) return this.compactMapping(inMap, p);
      if (ch === 35 && t.charCodeAt(i - 1) === SP) {
        stop = i;
        comment = true;
        break;
      }
    }
    let end = stop;
    while (t.charCodeAt(end - 1) === SP) end--;
    let str = t.slice(p, end);
    let next = e < this.len ? e + 1 : this.len;
    if (!comment) {
      continuePlain(t, str, end, next, indent);
      str = plainOut.str;
      end = plainOut.end;
      next = plainOut.next;
    }
    const value = resolvePlain(str);
    if (value === BAIL) bail();
    this.scalarDone(value, p, end, HAS_END, next);
  }

  /** `- key: value`: a mapping that starts on the line of its sequence item. */
  private compactMapping(inMap: boolean, p: number): void {
    if (inMap) bail();
    this.pos = p;
    this.mapping(p - this.lineStart);
  }

  private flowSequence(p: number, indent: number): void {
    const base = this.table.open();
    const arr = readFlowSequence(this.text, p, this.table, indent);
    const q = flowEnd.at;
    const next = this.lineEnd(q, q);
    this.value = arr;
    this.rec = this.table.close(SEQ, base, p, q);
    this.kind = HAS_END;
    this.end2 = next;
    this.moved = -2;
    this.pos = next;
    this.scanTrivia();
  }

}

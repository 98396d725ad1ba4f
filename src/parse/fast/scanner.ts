import type { JsonValue } from '../../types.js';
import { BAIL, decodeDouble, resolvePlain } from './scalars.js';
import { MAP, SEQ, TableBuilder, type FastTable } from './table.js';
import { COMMENT, EMPTY, HAS_END, hasComment, keepsTrailing, lastEnd, NEWLINE, NO_END, settle, SPACE, Trivia } from './trivia.js';

/**
 * A scanner for the YAML that manifests are written in: block mappings and sequences, plain and
 * one-line quoted scalars, literal and folded block scalars, one-line flow sequences, `{}`,
 * comments and `---`. Anything else (anchors, tags, tabs, odd indentation, any error) throws
 * `STOP`, and the file is read by the full parser instead, so the fast path never has to explain
 * a problem, only to agree with the full path where there is none.
 */
const STOP = new Error('not for the fast path');
function trimEnd(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === SP) e--;
  return s.slice(0, e);
}

function bail(): never {
  throw STOP;
}

/** Shallower than the full path's limit, so that every limit finding comes from the full path. */
const MAX_DEPTH = 128;
/** Whether a `-` at this offset starts a sequence item. */
const SP = 32;
const NL = 10;

/** Characters that cannot start a plain scalar or key here. */
function isIndicator(c: number): boolean {
  // ? : , [ ] { } # & * ! | > ' " % @ `
  return c === 63 || c === 58 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 35 || c === 38 || c === 42 || c === 33 || c === 124 || c === 62 || c === 39 || c === 34 || c === 37 || c === 64 || c === 96;
}

export interface FastDocument {
  value: JsonValue | undefined;
  table: FastTable;
}

class Scanner {
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

  private breakAt(i: number): boolean {
    return i >= this.len || this.text.charCodeAt(i) === SP || this.text.charCodeAt(i) === NL;
  }

  private eol(i: number): number {
    const e = this.text.indexOf('\n', i);
    return e < 0 ? this.len : e;
  }

  private isDash(i: number): boolean {
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
  private lineEnd(q: number, tokenEnd: number): number {
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

  /**
   * A quoted scalar at q: its text in `str`, the offset after it returned. It may continue on lines
   * indented more than `indent` (folded like the full parser folds them); -1 allows one line only.
   */
  private quoted(q: number, indent: number): number {
    const t = this.text;
    const quote = t.charCodeAt(q);
    let i = q + 1;
    let lines = false;
    for (;;) {
      const c = t.charCodeAt(i);
      if (i >= this.len) bail();
      if (c === NL) {
        if (indent < 0) bail();
        lines = true;
        i++;
      } else if (quote === 34 && c === 92) i += 2;
      else if (c === quote) {
        if (quote === 39 && t.charCodeAt(i + 1) === 39) i += 2;
        else break;
      } else i++;
    }
    this.multiline = lines;
    let body = t.slice(q + 1, i);
    if (lines) body = this.fold(body, indent);
    if (quote === 39) this.str = body.indexOf("''") >= 0 ? body.replace(/''/g, "'") : body;
    else {
      const decoded = decodeDouble(body);
      if (decoded === BAIL) bail();
      this.str = decoded;
    }
    return i + 1;
  }

  /** Folds the lines of a quoted scalar: one break is a space, each blank line a newline. */
  private fold(body: string, indent: number): string {
    const lines = body.split('\n');
    let out = trimEnd(lines[0]!);
    if (out.endsWith('\\')) bail();
    let blanks = 0;
    for (let i = 1; i < lines.length; i++) {
      const raw = lines[i]!;
      const last = i === lines.length - 1;
      const line = last ? raw.trimStart() : raw.trim();
      if ((line !== '' || last) && raw.length - raw.trimStart().length <= indent) bail();
      if (!last && line.endsWith('\\')) bail();
      if (line === '' && !last) {
        blanks++;
        continue;
      }
      out += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + line;
      blanks = 0;
    }
    return out;
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
    if (c === 91) return this.flowSequence(p);
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
      // Continuation lines, more indented than the collection, folded with spaces and newlines.
      let q = next;
      let blanks = 0;
      while (q < this.len) {
        let r = q;
        while (t.charCodeAt(r) === SP) r++;
        if (r >= this.len) break;
        const ch = t.charCodeAt(r);
        // Any character but `#` may start a continuation line.
        if (ch === NL) {
          blanks++;
          q = r + 1;
          continue;
        }
        if (r - q <= indent || ch === 35) break;
        const le = this.eol(r);
        for (let i = r; i < le; i++) {
          const x = t.charCodeAt(i);
          if ((x === 58 && this.breakAt(i + 1)) || (x === 35 && t.charCodeAt(i - 1) === SP)) bail();
        }
        let ve = le;
        while (t.charCodeAt(ve - 1) === SP) ve--;
        str += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + t.slice(r, ve);
        blanks = 0;
        end = ve;
        next = le < this.len ? le + 1 : this.len;
        q = next;
      }
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

  private flowSequence(p: number): void {
    const t = this.text;
    const base = this.table.open();
    const arr: JsonValue[] = [];
    let q = p + 1;
    while (t.charCodeAt(q) === SP) q++;
    if (t.charCodeAt(q) === 93) q++;
    else {
      for (;;) {
        while (t.charCodeAt(q) === SP) q++;
        const c = t.charCodeAt(q);
        if (c === 34 || c === 39) {
          const qe = this.quoted(q, -1);
          arr.push(this.str);
          this.table.seqEntry(this.table.scalar(q, qe));
          q = qe;
        } else {
          if (q >= this.len || isIndicator(c) || c === NL || (c === 45 && (this.breakAt(q + 1) || isIndicator(t.charCodeAt(q + 1)) || t.charCodeAt(q + 1) === 45))) bail();
          const s = q;
          for (;; q++) {
            const ch = t.charCodeAt(q);
            if (ch === 44 || ch === 93) break;
            if (q >= this.len || ch === NL || ch === 58 || ch === 35 || ch === 91 || ch === 123 || ch === 125) bail();
          }
          let e = q;
          while (t.charCodeAt(e - 1) === SP) e--;
          const v = resolvePlain(t.slice(s, e));
          if (v === BAIL) bail();
          arr.push(v);
          this.table.seqEntry(this.table.scalar(s, e));
        }
        while (t.charCodeAt(q) === SP) q++;
        const d = t.charCodeAt(q);
        if (d === 93) {
          q++;
          break;
        }
        if (d !== 44) bail();
        q++;
        while (t.charCodeAt(q) === SP) q++;
        if (t.charCodeAt(q) === 93) bail();
      }
    }
    const next = this.lineEnd(q, q);
    this.value = arr;
    this.rec = this.table.close(SEQ, base, p, q);
    this.kind = HAS_END;
    this.end2 = next;
    this.moved = -2;
    this.pos = next;
    this.scanTrivia();
  }

  /** `|` and `>`, with optional chomping and indentation indicators. */
  private blockScalar(indent: number, p: number, inMap: boolean): void {
    const t = this.text;
    const folded = t.charCodeAt(p) === 62;
    let h = p + 1;
    let chomp = 0;
    let explicit = 0;
    // Chomping and an indentation indicator, in either order (`|2-`, `>-2`).
    for (let k = 0; k < 2; k++) {
      const c = t.charCodeAt(h);
      if (chomp === 0 && (c === 45 || c === 43)) chomp = c === 45 ? -1 : 1;
      else if (explicit === 0 && c >= 49 && c <= 57) explicit = c - 48;
      else break;
      h++;
    }
    let q = h;
    while (t.charCodeAt(q) === SP) q++;
    if (q >= this.len) bail();
    if (t.charCodeAt(q) !== NL) {
      if (t.charCodeAt(q) !== 35 || q === h) bail();
      q = this.eol(q);
      if (q >= this.len) bail();
    }
    let r = q + 1;
    // With an indicator, the content is indented that much more than the collection.
    let contentIndent = explicit > 0 ? indent + explicit : -1;
    // The full parser finds the end of an item's block scalar with an indicator from another base.
    if (explicit > 0 && !inMap) bail();
    const pieces: string[] = [];
    let sawText = false;
    let empties = 0;
    let contentEnd = -1;
    while (r < this.len) {
      let s = r;
      while (t.charCodeAt(s) === SP) s++;
      const ind = s - r;
      if (s >= this.len || t.charCodeAt(s) === NL) {
        // A line of spaces only: empty unless it has more than the content's indentation.
        if (contentIndent < 0 || ind <= contentIndent || s >= this.len) {
          if (ind > 0 && (contentIndent < 0 || s >= this.len)) bail();
          if (s >= this.len) break;
          empties++;
          r = s + 1;
          continue;
        }
        if (folded || explicit > 0) bail();
      } else {
        if (contentIndent < 0) {
          if (ind <= indent || (folded && empties > 0)) bail();
          contentIndent = ind;
        }
        if (ind < contentIndent) break;
        sawText = true;
      }
      if (folded && ind > contentIndent) bail();
      let le = this.text.indexOf('\n', s);
      if (le < 0) le = this.len;
      for (; empties > 0; empties--) pieces.push('');
      pieces.push(t.slice(r + contentIndent, le));
      contentEnd = r = le < this.len ? le + 1 : this.len;
    }
    if (!sawText || contentIndent < 0 || pieces.length === 0 || (folded && pieces[0] === '')) bail();
    let body: string;
    if (folded) {
      body = pieces[0]!;
      let blank = 0;
      for (let i = 1; i < pieces.length; i++) {
        if (pieces[i] === '') blank++;
        else {
          body += (blank === 0 ? ' ' : '\n'.repeat(blank)) + pieces[i];
          blank = 0;
        }
      }
    } else body = pieces.join('\n');
    if (chomp >= 0) body += '\n';
    if (chomp > 0) body += '\n'.repeat(empties);
    const end = chomp > 0 ? r : contentEnd;
    this.value = body;
    this.rec = this.table.scalar(p, end);
    this.kind = NO_END;
    this.end2 = end;
    this.moved = -2;
    this.pos = end;
    this.scanTrivia();
  }
}

/**
 * Reads every document of a YAML stream on the fast path, or returns undefined when any part of
 * the text is outside what it reads (the caller then uses the full parser for the whole file).
 */
export function scanDocuments(text: string): FastDocument[] | undefined {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\uFEFF') >= 0) return undefined;
  const s = new Scanner(text);
  try {
    return read(s, text);
  } catch (error) {
    if (error === STOP) return undefined;
    throw error;
  }
}

function read(s: Scanner, text: string): FastDocument[] {
  const docs: FastDocument[] = [];
  const len = text.length;
  s.scanTrivia();
  if (s.pos >= len) return docs;
  for (;;) {
    let contentStart = s.pos;
    if (s.atDocEnd) {
      // A `---` line: nothing may follow the marker but a comment.
      const m = s.pos;
      let q = m + 3;
      while (text.charCodeAt(q) === SP) q++;
      if (q < len && text.charCodeAt(q) !== NL) {
        if (text.charCodeAt(q) !== 35 || q === m + 3) bail();
        q = text.indexOf('\n', q);
        if (q < 0) q = len;
      }
      s.pos = s.lineStart = q < len ? q + 1 : len;
      contentStart = m + 3;
      s.scanTrivia();
    }
    if (s.atDocEnd) {
      s.table.take();
      docs.push({ value: undefined, table: { data: new Int32Array(0), keys: [], root: -1, contentStart } });
    } else {
      s.depth = 0;
      s.block(s.nextIndent);
      if (!s.atDocEnd) bail();
      docs.push({ value: s.value, table: { ...s.table.take(), root: s.rec, contentStart } });
    }
    if (s.pos >= len) return docs;
  }
}

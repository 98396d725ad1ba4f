import type { LineCounter } from 'yaml';
import type { Locator, PathSegment } from '../../types.js';
import { pathLocator, spanConverter, type Range } from '../path-locator.js';

/**
 * Positions of one document read by the fast path, in one Int32Array. A node is a record
 * `[kind, start, end, count, ...entries]`; a mapping entry is `[keyStart, keyEnd, keyIndex, child]`
 * (keyIndex into `keys`), a sequence entry is `[child]`. Children are written before their
 * parents, so a record never moves once written.
 */
export const SCALAR = 0;
export const MAP = 1;
export const SEQ = 2;

export class TableBuilder {
  data = new Int32Array(1024);
  length = 0;
  keys: string[] = [];
  /** Entries of the open collections, innermost last. */
  private scratch: number[] = [];

  private grow(need: number): void {
    if (this.length + need <= this.data.length) return;
    let size = this.data.length * 2;
    while (size < this.length + need) size *= 2;
    const next = new Int32Array(size);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  scalar(start: number, end: number): number {
    this.grow(4);
    const at = this.length;
    const d = this.data;
    d[at] = SCALAR;
    d[at + 1] = start;
    d[at + 2] = end;
    d[at + 3] = 0;
    this.length = at + 4;
    return at;
  }

  /** Where the entries of a collection being read start in the scratch list. */
  open(): number {
    return this.scratch.length;
  }

  mapEntry(keyStart: number, keyEnd: number, key: string, child: number): void {
    this.scratch.push(keyStart, keyEnd, this.keys.length, child);
    this.keys.push(key);
  }

  seqEntry(child: number): void {
    this.scratch.push(child);
  }

  close(kind: number, base: number, start: number, end: number): number {
    const s = this.scratch;
    const n = s.length - base;
    this.grow(4 + n);
    const at = this.length;
    const d = this.data;
    d[at] = kind;
    d[at + 1] = start;
    d[at + 2] = end;
    d[at + 3] = kind === MAP ? n / 4 : n;
    for (let i = 0; i < n; i++) d[at + 4 + i] = s[base + i]!;
    s.length = base;
    this.length = at + 4 + n;
    return at;
  }

  /** The finished table of one document, and a fresh builder state for the next. */
  take(): { data: Int32Array; keys: string[] } {
    const out = { data: this.data.slice(0, this.length), keys: this.keys };
    this.length = 0;
    this.keys = [];
    this.scratch.length = 0;
    return out;
  }
}

export interface FastTable {
  data: Int32Array;
  keys: string[];
  /** Record of the root node, or -1 for an empty document. */
  root: number;
  /** Offset of the document's contents, for the fallback of an empty document. */
  contentStart: number;
}


interface Step {
  rec: number;
  keyStart: number;
  keyEnd: number;
}

/**
 * The same answers as `createLocator` in ../locate.ts, read from the table instead of the
 * document's nodes (the fast path never has aliases or merge keys, so there is nothing to resolve).
 */
export function createFastLocator(table: FastTable, lineCounter: LineCounter, textLength: number): Locator {
  const { data, keys, root, contentStart } = table;


  const firstKey = (rec: number): Range | undefined => (data[rec] === MAP && data[rec + 3]! > 0 ? [data[rec + 4]!, data[rec + 5]!] : undefined);

  const rootRange = (): Range => {
    if (root < 0) return [contentStart, contentStart];
    return firstKey(root) ?? [data[root + 1]!, data[root + 2]!];
  };

  const headRange = (rec: number): Range | undefined => {
    const first = firstKey(rec);
    if (first) return first;
    return data[rec + 2]! > data[rec + 1]! ? [data[rec + 1]!, data[rec + 2]!] : undefined;
  };

  const step = (rec: number, segment: PathSegment): Step | undefined => {
    const kind = data[rec];
    const count = data[rec + 3]!;
    if (kind === SEQ) {
      if (typeof segment !== 'number' || !Number.isInteger(segment) || segment < 0 || segment >= count) return undefined;
      return { rec: data[rec + 4 + segment]!, keyStart: -1, keyEnd: -1 };
    }
    if (kind !== MAP) return undefined;
    const name = String(segment);
    for (let i = 0, at = rec + 4; i < count; i++, at += 4) {
      if (keys[data[at + 2]!] === name) return { rec: data[at + 3]!, keyStart: data[at]!, keyEnd: data[at + 1]! };
    }
    return undefined;
  };

  return pathLocator<Step>({
    root: { rec: root, keyStart: -1, keyEnd: -1 },
    step: (from, segment) => step(from.rec, segment),
    valueRange: (at) => (data[at.rec + 2]! > data[at.rec + 1]! ? [data[at.rec + 1]!, data[at.rec + 2]!] : undefined),
    placeRange: (at) => (at.keyStart >= 0 ? [at.keyStart, at.keyEnd] : headRange(at.rec)),
    rootRange,
    toSpan: spanConverter(lineCounter, textLength),
  });
}

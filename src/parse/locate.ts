import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Locator, Path, PathSegment, Span, Target } from '../types.js';

/** Offsets [start, end) in the source text. */
type Range = readonly [number, number];

interface Step {
  /** The key node of the pair that led here (absent for sequence items and the root). */
  key?: Node | null;
  /** The node found at this step. */
  node: Node | null;
  /** Where this step appears in the source, for the fallback when the value is empty. */
  pairRange?: Range;
}

function nodeRange(node: Node | null | undefined): Range | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

import { keyText, MERGE_KEY } from './keys.js';

/** Finds the pair for `segment` in a mapping, looking through `<<` merge keys like the decoder does. */
function findPair(map: Node, segment: string, doc: Document, depth = 0): Pair<Node, Node | null> | undefined {
  if (!isMap(map) || depth > 20) return undefined;
  const items = map.items as Pair<Node, Node | null>[];
  // Last occurrence wins when decoding duplicate keys.
  for (let i = items.length - 1; i >= 0; i--) {
    const pair = items[i]!;
    if (keyText(pair.key) === segment) return pair;
  }
  for (const pair of items) {
    if (keyText(pair.key) !== MERGE_KEY) continue;
    const sources = isSeq(pair.value) ? (pair.value.items as Node[]) : [pair.value];
    for (const source of sources) {
      const resolved = resolve(source, doc);
      const found = resolved ? findPair(resolved, segment, doc, depth + 1) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

function resolve(node: Node | null | undefined, doc: Document): Node | null {
  let current: Node | null | undefined = node;
  for (let hops = 0; current && isAlias(current) && hops < 20; hops++) {
    const target: unknown = current.resolve(doc);
    current = target as Node | undefined;
  }
  return current ?? null;
}

function step(node: Node | null, segment: PathSegment, doc: Document): Step | undefined {
  const container = resolve(node, doc);
  if (!container) return undefined;
  if (isSeq(container)) {
    if (typeof segment !== 'number') return undefined;
    const item = container.items[segment] as Node | null | undefined;
    return item === undefined ? undefined : { node: item };
  }
  if (isMap(container)) {
    const pair = findPair(container, String(segment), doc);
    if (!pair) return undefined;
    const keyRange = nodeRange(pair.key);
    return { key: pair.key, node: pair.value, ...(keyRange ? { pairRange: keyRange } : {}) };
  }
  return undefined;
}

export interface DocumentLocatorInput {
  doc: Document;
  lineCounter: LineCounter;
  /** Offset range of the whole document in the file, for the root fallback. */
  docRange: Range;
  /** Length of the source text, to keep every span inside the file. */
  textLength: number;
}

/**
 * Turns document paths into spans. Never throws and never returns line 0: when a path only partly
 * resolves (missing key, aliases, merge keys) it falls back to the deepest node found.
 */
export function createLocator(input: DocumentLocatorInput): Locator {
  const { doc, lineCounter, docRange, textLength } = input;

  const toSpan = (range: Range): Span => {
    const start = Math.max(0, Math.min(range[0], textLength));
    let end = Math.max(start, Math.min(range[1], textLength));
    if (end === start) end = Math.min(start + 1, Math.max(textLength, start + 1));
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    const line = Math.max(1, a.line);
    const endLine = Math.max(line, b.line);
    return { line, column: Math.max(1, a.col), endLine, endColumn: Math.max(1, endLine === line ? Math.max(b.col, a.col + 1) : b.col) };
  };

  const rootRange = (): Range => {
    const root = doc.contents as Node | null;
    if (isMap(root) && root.items.length > 0) {
      const first = nodeRange(root.items[0]!.key as Node);
      if (first) return first;
    }
    return nodeRange(root) ?? [docRange[0], docRange[0] + 1];
  };

  const walk = (path: Path): { steps: Step[]; complete: boolean } => {
    const steps: Step[] = [{ node: doc.contents as Node | null }];
    for (const segment of path) {
      const next = step(steps[steps.length - 1]!.node, segment, doc);
      if (!next) return { steps, complete: false };
      steps.push(next);
    }
    return { steps, complete: true };
  };

  return {
    has(path) {
      return walk(path).complete;
    },
    locate(path, on: Target = 'value') {
      const { steps, complete } = walk(path);
      const last = steps[steps.length - 1]!;
      if (steps.length === 1) return toSpan(rootRange());
      if (complete && on === 'value') {
        // An alias value is reported where it is used (`*name`), not at its anchor.
        const r = nodeRange(last.node);
        if (r && r[1] > r[0]) return toSpan(r);
      }
      // The key of the deepest pair on the path, or the head of a sequence item.
      for (let i = steps.length - 1; i >= 1; i--) {
        const s = steps[i]!;
        if (s.pairRange) return toSpan(s.pairRange);
        const r = headRange(resolve(s.node, doc));
        if (r) return toSpan(r);
      }
      return toSpan(rootRange());
    },
  };
}

/** A mapping is pointed at by its first key (one line), anything else by its own range. */
function headRange(node: Node | null): Range | undefined {
  if (isMap(node) && node.items.length > 0) {
    const first = nodeRange(node.items[0]!.key as Node);
    if (first) return first;
  }
  const r = nodeRange(node);
  return r && r[1] > r[0] ? r : undefined;
}

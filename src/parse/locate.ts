import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Locator, PathSegment } from '../types.js';
import { pathLocator, spanConverter, type Range } from './path-locator.js';

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

  const rootRange = (): Range => {
    const root = doc.contents as Node | null;
    if (isMap(root) && root.items.length > 0) {
      const first = nodeRange(root.items[0]!.key as Node);
      if (first) return first;
    }
    return nodeRange(root) ?? [docRange[0], docRange[0] + 1];
  };

  return pathLocator<Step>({
    root: { node: doc.contents as Node | null },
    step: (from, segment) => step(from.node, segment, doc),
    // An alias value is reported where it is used (`*name`), not at its anchor.
    valueRange: (at) => {
      const r = nodeRange(at.node);
      return r && r[1] > r[0] ? r : undefined;
    },
    // The key of the pair, or the head of a sequence item.
    placeRange: (at) => at.pairRange ?? headRange(resolve(at.node, doc)),
    rootRange,
    toSpan: spanConverter(lineCounter, textLength),
  });
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

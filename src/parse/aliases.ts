import { isAlias, isCollection, isPair, type Alias, type Document, type Node } from 'yaml';

/**
 * What is wrong with the aliases of a document, if anything: each case would make the decoded
 * value unsafe for the stages after parsing, which walk it as a plain tree.
 */
export type AliasProblem =
  | { kind: 'unresolved'; alias: Alias }
  | { kind: 'cycle'; alias: Alias }
  | { kind: 'expansion'; alias: Alias; limit: number }
  | { kind: 'depth'; alias: Alias; limit: number };

export interface AliasLimits {
  /** Most nodes that aliases may add to a document when it is read as a tree. */
  maxExpandedNodes: number;
  /** Deepest nesting allowed once aliases are expanded. */
  maxDepth: number;
}

interface Frame {
  node: unknown;
  depth: number;
  /** Set once the node's children have been pushed: the frame then waits to be closed. */
  open?: Measure;
  parent: Frame | undefined;
}

interface Measure {
  size: number;
  height: number;
}

/**
 * Checks the aliases of one document in a single pass, in the order the decoder resolves them (an
 * alias refers to the last node with that anchor before it):
 *
 * - an alias without an anchor before it cannot be read;
 * - an alias inside the node it names would expand forever (the decoder builds a cyclic value);
 * - the decoder shares one value among all the aliases of an anchor, so memory stays small, but
 *   every later stage walks the value as a tree: a few kilobytes of nested aliases ("billion
 *   laughs") become billions of nodes to walk. The `yaml` package's own `maxAliasCount` counts
 *   alias uses, not the size of what they stand for (one anchor on a 100,000-item list may be
 *   used 1,000 times), so the expanded size is measured here;
 * - aliases can also nest a document deeper than its text does.
 *
 * Iterative, and linear in the number of nodes written in the document.
 */
export function checkAliases(doc: Document, limits: AliasLimits): AliasProblem | undefined {
  const anchors = new Map<string, Node>();
  const measured = new Map<Node, Measure>();
  const open = new Set<Node>();
  let expanded = 0;
  const stack: Frame[] = [{ node: doc.contents, depth: 0, parent: undefined }];
  const addToParent = (frame: Frame, size: number, height: number) => {
    const parent = frame.parent?.open;
    if (!parent) return;
    parent.size = Math.min(parent.size + size, Number.MAX_SAFE_INTEGER);
    parent.height = Math.max(parent.height, height);
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const node = frame.node;
    if (frame.open) {
      // Closing a collection: its subtree is measured.
      const done = node as Node;
      open.delete(done);
      const measure = { size: frame.open.size, height: frame.open.height + 1 };
      if (done.anchor) measured.set(done, measure);
      addToParent(frame, measure.size, measure.height);
      continue;
    }
    if (isPair(node)) {
      // A pair is not a level of its own: its key and value belong to the enclosing mapping.
      stack.push({ node: node.value, depth: frame.depth, parent: frame.parent });
      stack.push({ node: node.key, depth: frame.depth, parent: frame.parent });
      continue;
    }
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!target) return { kind: 'unresolved', alias: node };
      if (open.has(target)) return { kind: 'cycle', alias: node };
      const measure = measured.get(target) ?? { size: 1, height: 0 };
      expanded += measure.size;
      if (expanded > limits.maxExpandedNodes) return { kind: 'expansion', alias: node, limit: limits.maxExpandedNodes };
      if (frame.depth + measure.height > limits.maxDepth) return { kind: 'depth', alias: node, limit: limits.maxDepth };
      addToParent(frame, measure.size, measure.height);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const anchored = node as Node;
    if (anchored.anchor) anchors.set(anchored.anchor, anchored);
    if (!isCollection(node)) {
      if (anchored.anchor) measured.set(anchored, { size: 1, height: 0 });
      addToParent(frame, 1, 0);
      continue;
    }
    open.add(node);
    const closing: Frame = { node, depth: frame.depth, parent: frame.parent, open: { size: 1, height: 0 } };
    stack.push(closing);
    for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], depth: frame.depth + 1, parent: closing });
  }
  return undefined;
}

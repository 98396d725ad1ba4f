import { isAlias, isMap, isPair, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Finding } from '../types.js';
import { keyText, MERGE_KEY } from './keys.js';
import { pointerOf } from './pointer.js';

interface Input {
  file: string;
  doc: Document;
  index: number;
  lineCounter: LineCounter;
  textLength: number;
}


/**
 * Reports every mapping key that appears twice in the same mapping, at the second occurrence.
 * The decoder keeps the last value silently; the API server's strict decoding rejects the object.
 * Iterative, so deeply nested input cannot overflow the stack.
 */
export function findDuplicateKeys({ file, doc, index, lineCounter, textLength }: Input): Finding[] {
  const findings: Finding[] = [];
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (isAlias(node) || !node) continue;
    if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
      continue;
    }
    if (!isMap(node)) continue;
    const seen = new Map<string, Node>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = keyText(pair.key);
      if (key !== undefined && key !== MERGE_KEY) {
        const first = seen.get(key);
        const keyNode = pair.key as Node;
        if (first && keyNode.range && first.range) {
          const start = lineCounter.linePos(Math.min(keyNode.range[0], textLength));
          const end = lineCounter.linePos(Math.min(keyNode.range[1], textLength));
          const firstLine = lineCounter.linePos(first.range[0]).line;
          findings.push({
            file,
            ruleId: 'duplicate-key',
            severity: 'error',
            message: `duplicate key "${key}" (first defined at line ${firstLine}); the later value silently replaces the earlier one`,
            pointer: pointerOf([...path, key]),
            resource: { document: index },
            line: start.line,
            column: start.col,
            endLine: end.line,
            endColumn: end.line === start.line ? Math.max(end.col, start.col + 1) : end.col,
          });
        } else if (!first) {
          seen.set(key, keyNode);
        }
      }
      stack.push({ node: pair.value, path: [...path, key ?? '?'] });
    }
  }
  return findings;
}

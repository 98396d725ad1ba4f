import { CST } from 'yaml';

/**
 * Finds where a document's nesting first goes deeper than `maxDepth`, on the token tree of the
 * parser, before anything recursive runs on it. The `yaml` composer recurses once per level and
 * turns a stack overflow into an error at whatever node it happened to reach, which depends on how
 * deep the caller's own stack is; checking first gives the same answer in every context.
 * Iterative, so the check itself cannot overflow.
 *
 * Returns the offset of the first collection that is one level too deep, or undefined.
 */
export function tooDeepAt(document: CST.Document, maxDepth: number): number | undefined {
  const stack: { token: CST.Token | null | undefined; depth: number }[] = [{ token: document.value, depth: 0 }];
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (!token || !CST.isCollection(token)) continue;
    const level = depth + 1;
    if (level > maxDepth) return token.offset;
    // Pushed in reverse so that the first offending node in source order is found first.
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i]!;
      if (item.value) stack.push({ token: item.value, depth: level });
      if (item.key) stack.push({ token: item.key, depth: level });
    }
  }
  return undefined;
}

/** A document whose content is replaced by nothing, so that composing it costs nothing. */
export function withoutContent(document: CST.Document): CST.Document {
  const { value: _dropped, ...rest } = document;
  return rest;
}

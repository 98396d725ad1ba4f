/** Field paths below a kind, for broad comparisons between two sources of the same API. */
import type { ExplainSource, SchemaNode } from '../../src/explain/model.js';

/**
 * Every field path of the kind down to `depth` segments, following references, arrays and maps the
 * way explain does (a reference is expanded once per path, so recursive types stop).
 */
export function fieldPaths(source: ExplainSource, definition: string, depth: number): string[][] {
  const out: string[][] = [];
  const visit = (node: SchemaNode | undefined, path: string[], seen: ReadonlySet<string>): void => {
    if (!node || path.length >= depth) return;
    let current: SchemaNode | undefined = node;
    let refs = seen;
    for (let guard = 0; current && guard < 50; guard++) {
      const ref: string | undefined = current.$ref ?? current.allOf?.find((a) => a.$ref)?.$ref;
      if (ref) {
        if (refs.has(ref)) return;
        refs = new Set(refs).add(ref);
        current = source.definition(ref);
      } else if (current.items) current = current.items;
      else if (typeof current.additionalProperties === 'object') current = current.additionalProperties;
      else break;
    }
    for (const name of Object.keys(current?.properties ?? {}).sort()) {
      const next = [...path, name];
      out.push(next);
      visit(current?.properties?.[name], next, refs);
    }
  };
  visit(source.definition(definition), [], new Set());
  return out;
}

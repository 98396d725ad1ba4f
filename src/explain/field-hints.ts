/**
 * Hints for a field path kubectl rejects. kubectl names only the last segment of the path; the hint
 * says which segment failed and what was probably meant.
 */
import type { SchemaNode } from './model.js';
import { closestMatch, prefixMatch } from './suggest.js';
import { isSchemaMap, typeGuess, type V3Document } from './v3-view.js';

/** The child schema `name` as kubectl's traversal finds it (through references, arrays, maps, allOf). */
function childField(doc: V3Document, node: SchemaNode, name: string, seen: ReadonlySet<string>): SchemaNode | undefined {
  const ref = node.$ref ?? '';
  if (ref && seen.has(ref)) return undefined;
  const next = new Set(seen).add(ref);
  const resolved = doc.resolve(ref) ?? doc.node(node);
  const properties = resolved.properties ?? {};
  const property = Object.prototype.hasOwnProperty.call(properties, name) ? properties[name] : undefined;
  if (isSchemaMap(property)) return doc.node(property);
  if (isSchemaMap(resolved.items)) return childField(doc, doc.node(resolved.items), name, next);
  if (isSchemaMap(resolved.additionalProperties)) return childField(doc, doc.node(resolved.additionalProperties), name, next);
  for (const alternative of doc.allOf(resolved)) {
    const found = childField(doc, alternative, name, next);
    if (found) return found;
  }
  return undefined;
}

/** Field names reachable one level below the node, by the same traversal. */
function fieldNames(doc: V3Document, node: SchemaNode, seen: ReadonlySet<string> = new Set()): string[] {
  const ref = node.$ref ?? '';
  if (ref && seen.has(ref)) return [];
  const next = new Set(seen).add(ref);
  const resolved = doc.resolve(ref) ?? doc.node(node);
  const names = Object.keys(resolved.properties ?? {});
  if (isSchemaMap(resolved.items)) names.push(...fieldNames(doc, doc.node(resolved.items), next));
  else if (isSchemaMap(resolved.additionalProperties)) names.push(...fieldNames(doc, doc.node(resolved.additionalProperties), next));
  else for (const alternative of doc.allOf(resolved)) names.push(...fieldNames(doc, alternative, next));
  return [...new Set(names)].sort();
}

/** Paths (below `node`, at most `depth` levels) to a field named `name` in any case, shortest first. */
function findBelow(doc: V3Document, node: SchemaNode, name: string, depth: number): string[] | undefined {
  let level: { node: SchemaNode; path: string[] }[] = [{ node, path: [] }];
  for (let d = 0; d < depth && level.length > 0; d++) {
    const next: { node: SchemaNode; path: string[] }[] = [];
    for (const entry of level) {
      for (const field of fieldNames(doc, entry.node)) {
        if (d > 0 && field.toLowerCase() === name.toLowerCase()) return [...entry.path, field];
        const child = childField(doc, entry.node, field, new Set());
        if (child) next.push({ node: child, path: [...entry.path, field] });
      }
    }
    level = next;
  }
  return undefined;
}

/** One line for stderr after kubectl's error, or undefined when there is nothing useful to add. */
export function fieldPathHint(doc: V3Document, kindSchema: SchemaNode, resourceText: string, fieldPath: readonly string[]): string | undefined {
  let node = kindSchema;
  for (const [index, segment] of fieldPath.entries()) {
    const child = childField(doc, node, segment, new Set());
    if (child) {
      node = child;
      continue;
    }
    const parent = [resourceText, ...fieldPath.slice(0, index)].join('.');
    const names = fieldNames(doc, node);
    if (names.length === 0) return `hint: "${parent}" is of type ${typeGuess(doc, node)} and has no fields`;
    const match = closestMatch(segment, names);
    if (match) {
      const caseOnly = match.toLowerCase() === segment.toLowerCase() ? ' (field names are case-sensitive)' : '';
      return `hint: did you mean "${parent}.${match}"?${caseOnly}`;
    }
    // Skipped levels (`pod.spec.image` for `pod.spec.containers.image`) are a common slip.
    const deeper = findBelow(doc, node, segment, 4);
    if (deeper) return `hint: did you mean "${[parent, ...deeper].join('.')}"?`;
    const prefixed = prefixMatch(segment, names);
    if (prefixed) return `hint: did you mean "${parent}.${prefixed}"?`;
    return `hint: "${parent}" has no field "${segment}"; its fields are: ${names.join(', ')}`;
  }
  return undefined;
}

/**
 * The object with the `default`s of its schema filled in, as the API server defaults a custom
 * resource before it validates it (apiextensions-apiserver pkg/apiserver/schema/defaulting,
 * Default): a field that is absent from an object gets its property's default, at every level,
 * in list items and map values too. Rules such as `self.kind == 'Service'` rely on it.
 *
 * The CEL stage applies defaults itself so that its rules see what the API server's see; on an
 * object that already has its defaults this changes nothing.
 */
import type { JsonValue } from '../../types.js';
import type { SchemaNode } from '../catalog-types.js';

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function withDefaults(value: JsonValue, node: SchemaNode | undefined, depth = 0): JsonValue {
  // Built-in definitions ($ref, such as ObjectMeta) carry no defaults for custom resources.
  if (node === undefined || node.$ref !== undefined || depth > 100) return value;
  if (Array.isArray(value)) {
    const items = node.items;
    return items ? value.map((item) => withDefaults(item, items, depth + 1)) : value;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  const additional = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  for (const [key, child] of Object.entries(value)) out[key] = withDefaults(child, node.properties?.[key] ?? additional, depth + 1);
  for (const [key, property] of Object.entries(node.properties ?? {})) {
    if (out[key] === undefined && property.default !== undefined) out[key] = withDefaults(structuredClone(property.default), property, depth + 1);
  }
  return out;
}

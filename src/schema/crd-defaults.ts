/**
 * What the API server does to a custom resource before it validates it, following the structural
 * part of the CRD schema (properties, additionalProperties, items; never oneOf/anyOf/allOf/not):
 *
 *   1. nulls of fields that are neither `nullable` nor defaulted are dropped
 *      (PruneNonNullableNullsWithoutDefaults in
 *      k8s.io/apiextensions-apiserver/pkg/apiserver/schema/defaulting/prunenulls.go);
 *   2. `default`s fill fields that are missing, or null and not nullable, in every object that is
 *      present, in map values and list items, and again inside the values just filled in
 *      (Default in .../schema/defaulting/algorithm.go);
 *   3. `metadata` (of the resource and of embedded resources) is decoded as ObjectMeta, where a
 *      null field is an unset one.
 *
 * Validation then sees the defaulted object, so a required field with a default may be left out.
 */
import type { JsonValue } from '../types.js';
import type { SchemaNode } from './catalog-types.js';

type JsonMap = { [key: string]: JsonValue };

function isMap(value: JsonValue | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clone(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(clone);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const key of Object.keys(value)) out[key] = clone(value[key] as JsonValue);
  return out;
}

function hasDefault(node: SchemaNode | undefined): node is SchemaNode & { default: JsonValue } {
  return node?.default !== undefined && node.default !== null;
}

/** The schema of a field: its property, else the map-value schema (prunenulls.go getSchemaForField). */
function fieldSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  const property = node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;
  if (property) return property;
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

/** A copy of `value` without the nulls step 1 drops (the copy and the pruning in one walk). */
function prunedCopy(value: JsonValue, node: SchemaNode | undefined, depth: number): JsonValue {
  if (depth > 200) return clone(value);
  if (Array.isArray(value)) {
    const items = node?.items;
    return value.map((item) => prunedCopy(item, items, depth + 1));
  }
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const key of Object.keys(value)) {
    const child = value[key] as JsonValue;
    // Assigning `__proto__` sets the copy's prototype rather than a field, so nothing below it is pruned.
    if (key === '__proto__') {
      out[key] = clone(child);
      continue;
    }
    const schema = fieldSchema(node, key);
    if (child === null && schema && schema.nullable !== true && !hasDefault(schema)) continue;
    out[key] = prunedCopy(child, schema, depth + 1);
  }
  return out;
}

function nonNullableNull(value: JsonValue | undefined, node: SchemaNode | undefined): boolean {
  return value === null && node !== undefined && node.nullable !== true;
}

function applyDefaults(value: JsonValue, node: SchemaNode | undefined, depth: number): void {
  if (!node || depth > 200) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (nonNullableNull(item, node.items) && hasDefault(node.items)) value[i] = clone(node.items.default);
      applyDefaults(value[i] as JsonValue, node.items, depth + 1);
    });
  } else if (isMap(value)) {
    const properties = node.properties ?? {};
    for (const key of Object.keys(properties)) {
      const property = properties[key];
      if (!hasDefault(property)) continue;
      if (!Object.prototype.hasOwnProperty.call(value, key) || nonNullableNull(value[key], property)) value[key] = clone(property.default);
    }
    const mapValues = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    for (const key of Object.keys(value)) {
      const property = node.properties && Object.prototype.hasOwnProperty.call(node.properties, key) ? node.properties[key] : undefined;
      if (property) {
        applyDefaults(value[key] as JsonValue, property, depth + 1);
      } else if (mapValues) {
        if (nonNullableNull(value[key], mapValues) && hasDefault(mapValues)) value[key] = clone(mapValues.default);
        applyDefaults(value[key] as JsonValue, mapValues, depth + 1);
      }
    }
  }
}

/** ObjectMeta decoding: a null field is unset, at any depth. */
function withoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isMap(value)) return value;
  const out: JsonMap = {};
  for (const key of Object.keys(value)) {
    const child = value[key] as JsonValue;
    if (child !== null) out[key] = withoutNulls(child);
  }
  return out;
}

function cleanMetadata(value: JsonValue, node: SchemaNode | undefined, root: boolean, depth: number): void {
  if (!node || depth > 200) return;
  if (Array.isArray(value)) {
    for (const item of value) cleanMetadata(item, node.items, false, depth + 1);
    return;
  }
  if (!isMap(value)) return;
  if ((root || node['x-kubernetes-embedded-resource'] === true) && isMap(value.metadata)) value.metadata = withoutNulls(value.metadata);
  for (const key of Object.keys(value)) {
    if (root && key === 'metadata') continue;
    cleanMetadata(value[key] as JsonValue, fieldSchema(node, key), false, depth + 1);
  }
}

/**
 * The custom resource as the API server validates it, given the root schema of its CRD version
 * (the definition `catalogFromCRD` makes): a new value, the input is left as it is.
 */
export function defaultCustomResource(schema: SchemaNode, object: JsonValue): JsonValue {
  const copy = prunedCopy(object, schema, 0);
  applyDefaults(copy, schema, 0);
  cleanMetadata(copy, schema, true, 0);
  return copy;
}

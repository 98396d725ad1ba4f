/**
 * Turns the JSON value at a schema node into the value a CEL rule sees as `self`, typed the way
 * the API server types it from the structural schema (apiextensions-apiserver
 * pkg/apiserver/schema/cel/model and apiserver pkg/cel/common/values.go, UnstructuredToVal):
 *
 *   integer                      int (a bigint here)
 *   number                       double, even when written without a fraction
 *   x-kubernetes-int-or-string   int or string, whichever the value is
 *   string, format date-time/date  timestamp; other strings stay strings
 *   object with properties       an object with only the declared fields, their names escaped
 *                                (`foo-bar` is `foo__dash__bar`); unknown fields are not visible
 *   object with additionalProperties  a map
 *   untyped (preserve-unknown-fields)  whatever the JSON is, integral numbers as int
 *
 * At the root of a resource, and of an embedded resource, `metadata` has only `name` and
 * `generateName` (model.WithTypeAndObjectMeta).
 */
import type { JsonValue } from '../../types.js';
import { isObject } from '../../parse/resources.js';
import type { SchemaNode } from '../catalog-types.js';

export type Resolve = (node: SchemaNode) => SchemaNode;

const RESERVED = new Set([
  'true', 'false', 'null', 'in', 'as', 'break', 'const', 'continue', 'else', 'for', 'function', 'if',
  'import', 'let', 'loop', 'package', 'namespace', 'return', 'var', 'void', 'while',
]);

/**
 * The name under which CEL sees a property (apiserver pkg/cel/escaping.go, Escape), or undefined
 * when the name cannot be escaped and the field is not visible to rules at all.
 */
export function escapePropertyName(name: string): string | undefined {
  if (name === '') return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  if (!/^[a-zA-Z_][a-zA-Z0-9_.\-/]*$/.test(name)) return undefined;
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i]!;
    if (c === '_' && name[i + 1] === '_') {
      out += '__underscores__';
      i++;
    } else if (c === '.') out += '__dot__';
    else if (c === '-') out += '__dash__';
    else if (c === '/') out += '__slash__';
    else out += c;
  }
  return out;
}

/** A JSON number as CEL sees an untyped one: integral numbers are int, the rest double. */
function untypedNumber(value: number): bigint | number {
  return Number.isSafeInteger(value) ? BigInt(value) : value;
}

function untyped(value: JsonValue): unknown {
  if (typeof value === 'number') return untypedNumber(value);
  if (Array.isArray(value)) return value.map(untyped);
  if (isObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) out[key] = untyped(child);
    return out;
  }
  return value;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2}))?$/;

function scalar(value: JsonValue, node: SchemaNode): unknown {
  if (typeof value === 'number') {
    if (node['x-kubernetes-int-or-string'] === true || node.type === 'integer') return untypedNumber(value);
    if (node.type === 'number') return value;
    return untypedNumber(value);
  }
  if (typeof value === 'string' && (node.format === 'date-time' || node.format === 'date') && DATE_TIME.test(value)) {
    const time = new Date(node.format === 'date' ? `${value}T00:00:00Z` : value);
    if (!Number.isNaN(time.getTime())) return time;
  }
  return value;
}

const OBJECT_META_FIELDS = ['name', 'generateName'];

/**
 * Converts `value` at `node`. `resourceRoot` marks the root of a resource (or an embedded one),
 * whose metadata is reduced to what rules may read.
 */
export function toCelValue(value: JsonValue, node: SchemaNode | undefined, resolve: Resolve, resourceRoot = false): unknown {
  if (value === null) return null;
  if (node === undefined) return untyped(value);
  const schema = resolve(node);
  if (Array.isArray(value)) {
    const items = schema.items;
    return items ? value.map((item) => toCelValue(item, items, resolve, items['x-kubernetes-embedded-resource'] === true)) : value.map(untyped);
  }
  if (!isObject(value)) return scalar(value, schema);
  const properties = schema.properties;
  const out: Record<string, unknown> = {};
  if (resourceRoot) {
    for (const key of ['apiVersion', 'kind']) if (typeof value[key] === 'string') out[key] = value[key];
    const meta = value.metadata;
    if (isObject(meta)) {
      const reduced: Record<string, unknown> = {};
      for (const key of OBJECT_META_FIELDS) if (typeof meta[key] === 'string') reduced[key] = meta[key];
      out.metadata = reduced;
    }
  }
  if (properties) {
    for (const [key, child] of Object.entries(value)) {
      if (resourceRoot && (key === 'metadata' || key === 'apiVersion' || key === 'kind')) continue;
      const property = properties[key];
      const name = property ? escapePropertyName(key) : undefined;
      if (property && name !== undefined && child !== null) out[name] = toCelValue(child, property, resolve, property['x-kubernetes-embedded-resource'] === true);
    }
    return out;
  }
  const additional = schema.additionalProperties;
  if (typeof additional === 'object') {
    for (const [key, child] of Object.entries(value)) out[key] = toCelValue(child, additional, resolve, additional['x-kubernetes-embedded-resource'] === true);
    return out;
  }
  if (resourceRoot) {
    for (const [key, child] of Object.entries(value)) if (!(key in out)) out[key] = untyped(child);
    return out;
  }
  return untyped(value);
}

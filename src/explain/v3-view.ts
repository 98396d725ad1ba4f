/**
 * How kubectl sees a schema in the OpenAPI v3 documents the API server publishes, whatever style
 * our catalog stores it in. Two differences from the v2 style matter to explain:
 *  - a reference with its own description is published as `{ allOf: [{ $ref }], description }`,
 *    so both descriptions are shown (the field's, then the referenced type's);
 *  - IntOrString and Quantity are published as `oneOf` without a `type`, so they are shown by name.
 */
import type { JsonValue } from '../types.js';
import type { SchemaNode } from './model.js';

/** Definitions the API server publishes with `oneOf` instead of `type: string` in OpenAPI v3. */
const ONE_OF_DEFINITIONS = new Set([
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  'io.k8s.apimachinery.pkg.api.resource.Quantity',
]);

/** A non-empty JSON object: what a Go template treats as a present schema. */
export function isSchemaMap(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

export class V3Document {
  private readonly converted = new WeakMap<SchemaNode, SchemaNode>();
  private readonly definitions = new Map<string, SchemaNode | undefined>();

  constructor(private readonly lookup: (name: string) => SchemaNode | undefined) {}

  /** The definition a `$ref` names, as published in v3; undefined for '' or unknown names. */
  resolve(ref: string): SchemaNode | undefined {
    if (!ref) return undefined;
    if (this.definitions.has(ref)) return this.definitions.get(ref);
    let definition = this.lookup(ref);
    if (definition && ONE_OF_DEFINITIONS.has(ref) && definition.type !== undefined) {
      const { type: _dropped, ...rest } = definition;
      definition = rest;
    }
    this.definitions.set(ref, definition);
    return definition;
  }

  /** The node in v3 style: a `$ref` with siblings becomes an `allOf` wrapper. */
  node(schema: SchemaNode): SchemaNode {
    if (schema.$ref === undefined || Object.keys(schema).length === 1) return schema;
    const cached = this.converted.get(schema);
    if (cached) return cached;
    const { $ref, ...rest } = schema;
    const wrapper: SchemaNode = { ...rest, allOf: [{ $ref }, ...(schema.allOf ?? [])] };
    this.converted.set(schema, wrapper);
    return wrapper;
  }

  /** The `allOf` alternatives, each in v3 style. */
  allOf(schema: SchemaNode): SchemaNode[] {
    return (schema.allOf ?? []).filter(isSchemaMap).map((alternative) => this.node(alternative));
  }
}

/** The short type kubectl shows in `<...>`: `[]T`, `map[string]T`, a definition's short name, a primitive or `Object`. */
export function typeGuess(doc: V3Document, schema: SchemaNode): string {
  if (isSchemaMap(schema.items)) return '[]' + typeGuess(doc, doc.node(schema.items));
  if (isSchemaMap(schema.additionalProperties)) {
    return 'map[string]' + typeGuess(doc, doc.node(schema.additionalProperties));
  }
  const alternatives = schema.allOf ?? [];
  if (alternatives.length === 1 && !isSchemaMap(schema.properties) && isSchemaMap(alternatives[0])) {
    return typeGuess(doc, doc.node(alternatives[0]));
  }
  if (schema.$ref) {
    const target = doc.resolve(schema.$ref);
    // Only object types are named after their definition; a reference to a string type is a string.
    if (!target || !target.type || target.type === 'object') {
      const name = schema.$ref.split('/').pop() ?? '';
      return name.split('.').pop() || 'Object';
    }
    return target.type;
  }
  if (schema.type === 'object') return 'Object';
  return schema.type || 'Object';
}

/**
 * The enum values: on the field line in a list (`enum: A, B, C, D, ....`, at most `limit`), or
 * after a `FIELD:` line one per line (`ENUM:` then four-space indented values).
 */
export function extractEnum(schema: SchemaNode, options: { longView: boolean; limit: number; indent: number }): string {
  const values = schema.enum ?? [];
  if (values.length === 0) return '';
  let text = options.longView ? 'ENUM:' : '\n' + ' '.repeat(options.indent) + 'enum: ';
  for (const [index, value] of values.entries()) {
    if (options.limit > -1 && index >= options.limit) {
      text += ', ....';
      break;
    }
    if (index > 0 && !options.longView) text += ', ';
    else if (options.longView) text += '\n    ';
    text += value === '' ? '""' : formatValue(value);
  }
  return text;
}

/** Formats a decoded JSON value the way Go's fmt `%v` prints it. */
function formatValue(value: JsonValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return '[' + value.map(formatValue).join(' ') + ']';
  const entries = Object.keys(value).sort().map((key) => `${key}:${formatValue(value[key] ?? null)}`);
  return 'map[' + entries.join(' ') + ']';
}

/** JSON numbers decode to float64 in Go; `%v` prints the shortest form, with an exponent below 1e-4 and from 1e+06 on. */
function formatGoFloat(value: number): string {
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exp = '0'] = value.toExponential().split('e');
  const exponent = Number(exp);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return value.toFixed(Math.max(0, (mantissa.split('.')[1]?.length ?? 0) - exponent));
}

/**
 * What the schema walk of interpreted.ts follows, and the tests it shares: a converted schema is
 * walked only when every part of it is a keyword the converter writes with a value of the shape
 * ajv accepts (else ajv compiles it, and refuses it as ajv does); types and emptiness are judged
 * as ajv's compiled code judges them.
 */
import type { SchemaNode } from './catalog-types.js';
import { OBJECT_META } from './to-json-schema.js';

export type Schema = Record<string, unknown>;

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const NUMBER_KEYWORDS = ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'maxLength', 'minLength', 'maxItems', 'minItems', 'maxProperties', 'minProperties'];

export function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a `pattern` is a string that compiles as ajv compiles it (unicode); kept in `patterns`. */
function compilesPattern(value: unknown, patterns: Map<string, RegExp>): boolean {
  if (typeof value !== 'string') return false;
  if (!patterns.has(value)) {
    try {
      patterns.set(value, new RegExp(value, 'u'));
    } catch {
      return false;
    }
  }
  return true;
}

/** ajv's alwaysValidSchema for the keywords converted schemas use: `true` or `{}`. */
export function alwaysValid(schema: unknown): boolean {
  return schema === true || (isSchema(schema) && Object.keys(schema).length === 0);
}

/** A key as ajv writes it in an instancePath (JSON Pointer escaping). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** ajv's type test without strict numbers: infinities are integers, NaN is not. */
export function isType(type: string, data: unknown): boolean {
  switch (type) {
    case 'null':
      return data === null;
    case 'array':
      return Array.isArray(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    case 'integer':
      return typeof data === 'number' && !(data % 1) && !isNaN(data);
    case 'number':
      return typeof data === 'number';
    default:
      return typeof data === type;
  }
}

/**
 * Checks that a converted schema is within what the walk follows, and compiles its patterns. False
 * when some part is not (the schema is then left to ajv).
 */
export function supported(schema: unknown, patterns: Map<string, RegExp>, hasRef: (ref: string) => boolean): boolean {
  if (!isSchema(schema)) return false;
  for (const [key, value] of Object.entries(schema)) {
    switch (key) {
      case '$ref':
        if (typeof value !== 'string' || Object.keys(schema).length !== 1 || !hasRef(value)) return false;
        break;
      case 'type': {
        const types = Array.isArray(value) ? value : [value];
        if (types.length === 0 || !types.every((t) => typeof t === 'string' && JSON_TYPES.has(t))) return false;
        break;
      }
      case 'enum':
        if (!Array.isArray(value) || value.length === 0) return false;
        break;
      case 'required':
        if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) return false;
        break;
      case 'format':
        if (typeof value !== 'string') return false;
        break;
      case 'uniqueItems':
        if (typeof value !== 'boolean') return false;
        break;
      case 'pattern':
        if (!compilesPattern(value, patterns)) return false;
        break;
      case 'not':
      case 'items':
        if (!supported(value, patterns, hasRef)) return false;
        break;
      case 'additionalProperties':
        if (typeof value !== 'boolean' && !supported(value, patterns, hasRef)) return false;
        break;
      case 'properties':
        if (!isSchema(value)) return false;
        for (const child of Object.values(value)) if (!supported(child, patterns, hasRef)) return false;
        break;
      case 'oneOf':
      case 'anyOf':
      case 'allOf':
        if (!Array.isArray(value) || !value.every((child) => supported(child, patterns, hasRef))) return false;
        break;
      default:
        if (!NUMBER_KEYWORDS.includes(key) || typeof value !== 'number') return false;
    }
  }
  return true;
}

/** ajv's rule groups: keywords that apply to one type of data, in the order ajv runs them. */
export type Group = 'number' | 'string' | 'array' | 'object';

export const GROUP_KEYWORDS: Record<Group, readonly string[]> = {
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['maxItems', 'minItems', 'items', 'uniqueItems'],
  object: ['maxProperties', 'minProperties', 'required', 'additionalProperties', 'properties'],
};
export const GROUPS: readonly Group[] = ['number', 'string', 'array', 'object'];
/** The bounds: what a message says is allowed, and when a number fails. */
export const LIMITS: Record<string, [ok: string, fails: (data: number, limit: number) => boolean]> = {
  maximum: ['<=', (d, l) => d > l],
  minimum: ['>=', (d, l) => d < l],
  exclusiveMaximum: ['<', (d, l) => d >= l],
  exclusiveMinimum: ['>', (d, l) => d <= l],
};

/**
 * `supported` judged on a catalog node before it is converted (to-json-schema.ts), so that the
 * conversion can be lazy: true only when the converted schema would pass `supported` (it may say
 * no where `supported` would say yes: the schema then goes to ajv, which gives the same errors).
 * Compiles the patterns, as `supported` does. `hasRef` takes a definition name.
 */
export function walkableNode(node: SchemaNode, patterns: Map<string, RegExp>, hasRef: (name: string) => boolean, hasObjectMeta: boolean): boolean {
  if (!isSchema(node)) return false;
  if (node.$ref !== undefined) return typeof node.$ref === 'string' && hasRef(node.$ref);
  // The keys the node has, each judged once: nodes come in many shapes, and asking each for every
  // keyword is slow. A key with an undefined value counts as absent.
  for (const key in node) {
    const value = (node as Schema)[key];
    if (value === undefined || walkableKeyword(key, value, patterns, hasRef, hasObjectMeta)) continue;
    return false;
  }
  // An embedded resource gets ObjectMeta as its metadata when it names none.
  const properties = node.properties as Schema | undefined;
  if (node['x-kubernetes-embedded-resource'] === true && properties?.metadata === undefined && hasObjectMeta && !hasRef(OBJECT_META)) return false;
  return true;
}

/** Whether one keyword of a catalog node, with a defined value, converts to something the walk follows. */
function walkableKeyword(key: string, value: unknown, patterns: Map<string, RegExp>, hasRef: (name: string) => boolean, hasObjectMeta: boolean): boolean {
  switch (key) {
    case 'type':
      return typeof value === 'string' && JSON_TYPES.has(value);
    case 'format':
      return typeof value === 'string';
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'multipleOf':
    case 'minimum':
    case 'maximum':
      return typeof value === 'number';
    case 'uniqueItems':
      return typeof value === 'boolean';
    case 'enum':
      return Array.isArray(value) && value.length > 0;
    case 'required':
      return Array.isArray(value) && value.every((r) => typeof r === 'string');
    case 'pattern':
      return compilesPattern(value, patterns);
    case 'oneOf':
    case 'anyOf':
    case 'allOf':
      return walkableList(value, patterns, hasRef, hasObjectMeta);
    case 'not':
    case 'items':
      return walkableNode(value as SchemaNode, patterns, hasRef, hasObjectMeta);
    case 'additionalProperties':
      return typeof value === 'boolean' || walkableNode(value as SchemaNode, patterns, hasRef, hasObjectMeta);
    case 'properties':
      if (!isSchema(value)) return false;
      // Own entries only, as the conversion reads them.
      for (const child of Object.values(value)) if (!walkableNode(child as SchemaNode, patterns, hasRef, hasObjectMeta)) return false;
      return true;
    default:
      return true;
  }
}

function walkableList(list: unknown, patterns: Map<string, RegExp>, hasRef: (name: string) => boolean, hasObjectMeta: boolean): boolean {
  if (list === undefined) return true;
  if (!Array.isArray(list)) return false;
  for (const child of list) if (!walkableNode(child as SchemaNode, patterns, hasRef, hasObjectMeta)) return false;
  return true;
}

/**
 * Turns catalog nodes into JSON Schema (draft-07) for ajv, with the API server's view of the
 * Kubernetes types:
 *   - IntOrString and `x-kubernetes-int-or-string` accept an integer or a string (one type check,
 *     so one message instead of oneOf branch noise);
 *   - Quantity accepts a number or a string in quantity syntax;
 *   - objects with known properties reject unknown ones (the checker decides the severity);
 *   - `x-kubernetes-preserve-unknown-fields` keeps unknown fields, embedded resources get typed
 *     apiVersion/kind/metadata;
 *   - in CRD schemas (`structural`), oneOf/anyOf/allOf/not only constrain values: unknown fields and
 *     types belong to the structural part, so branches never reject unknown fields, `required`
 *     counts in a branch without `properties`, and `nullable: true` admits null (the API server's
 *     schema validator for custom resources, k8s.io/apiextensions-apiserver/pkg/apiserver/validation).
 */
import type { SchemaNode } from './catalog-types.js';

export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/** The schema id a definition is registered under with ajv (an absolute URI of its own scheme). */
export function definitionRef(name: string): string {
  return `k8s:${encodeURIComponent(name)}`;
}

/** Every definition a converted schema refers to directly. */
export function referencedDefinitions(schema: unknown, out: Set<string> = new Set()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) referencedDefinitions(item, out);
  } else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('k8s:')) out.add(decodeURIComponent(value.slice(4)));
      else if (typeof value === 'object') referencedDefinitions(value, out);
    }
  }
  return out;
}

type JsonSchema = Record<string, unknown>;

const PASS_THROUGH = [
  'pattern', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties', 'uniqueItems', 'multipleOf', 'enum',
] as const;

/** Definitions whose name says more than their OpenAPI node (both are `type: string` upstream). */
function special(name: string): JsonSchema | undefined {
  if (name === INT_OR_STRING) return { type: ['integer', 'string'] };
  if (name === QUANTITY) return { type: ['string', 'number'], format: 'quantity' };
  return undefined;
}

/**
 * How a CRD schema differs from a built-in one (see the module comment). `branch`: inside
 * oneOf/anyOf/allOf/not. `open`: an array item under `x-kubernetes-preserve-unknown-fields`, which
 * the API server's pruning skips like the array itself (skipPrune in
 * k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning/algorithm.go); the item's own
 * properties are pruned as usual.
 */
export interface StructuralMode {
  branch: boolean;
  open?: boolean;
}

export function definitionToJsonSchema(name: string, node: SchemaNode, hasObjectMeta: boolean, structural?: StructuralMode, lazy = false): JsonSchema {
  return special(name) ?? nodeToJsonSchema(node, hasObjectMeta, structural, lazy);
}

/**
 * Sets `target[key]` to `make()`, or with `lazy` to a property that calls `make` when first read
 * and then holds its result: a walk converts only the parts of a large schema an object reaches.
 */
function setChild(target: JsonSchema, key: string, lazy: boolean, make: () => unknown): void {
  // An assigned `__proto__` is no property at all, a defined one is: both ways must agree.
  if (!lazy || key === '__proto__') {
    target[key] = make();
    return;
  }
  Object.defineProperty(target, key, {
    get() {
      const value = make();
      Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
      return value;
    },
    enumerable: true,
    configurable: true,
  });
}

/**
 * The JSON Schema of a catalog node. `lazy`: every schema below the node is converted when first
 * read (the result is the same, part by part); for the schema walk, not for ajv.
 */
export function nodeToJsonSchema(node: SchemaNode, hasObjectMeta: boolean, structural?: StructuralMode, lazy = false): JsonSchema {
  if (node.$ref !== undefined) return { $ref: definitionRef(node.$ref) };
  const out: JsonSchema = {};
  const intOrString = node['x-kubernetes-int-or-string'] === true || node.format === 'int-or-string';
  if (intOrString) out.type = ['integer', 'string'];
  else if (node.type !== undefined) out.type = node.type;
  if (structural && node.nullable === true && out.type !== undefined) out.type = [...[out.type].flat(), 'null'];
  const branch: StructuralMode | undefined = structural ? { branch: true } : undefined;
  const same: StructuralMode | undefined = structural ? { branch: structural.branch } : undefined;
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true || structural?.open === true;
  const itemMode: StructuralMode | undefined = structural && preserve ? { branch: structural.branch, open: true } : same;
  if (node.format !== undefined && !intOrString) out.format = node.format;
  for (const key of PASS_THROUGH) if (node[key] !== undefined) out[key] = node[key];
  // OpenAPI v3.0 (and so CRDs) writes exclusive bounds as booleans next to minimum/maximum.
  if (node.minimum !== undefined) out[node.exclusiveMinimum === true ? 'exclusiveMinimum' : 'minimum'] = node.minimum;
  if (node.maximum !== undefined) out[node.exclusiveMaximum === true ? 'exclusiveMaximum' : 'maximum'] = node.maximum;
  for (const key of ['oneOf', 'anyOf', 'allOf'] as const) {
    const list = node[key];
    if (list) out[key] = list.map((child) => nodeToJsonSchema(child, hasObjectMeta, branch, lazy));
  }
  const not = node.not;
  if (not) setChild(out, 'not', lazy, () => nodeToJsonSchema(not, hasObjectMeta, branch, lazy));
  const items = node.items;
  if (items) setChild(out, 'items', lazy, () => nodeToJsonSchema(items, hasObjectMeta, itemMode, lazy));

  const embedded = node['x-kubernetes-embedded-resource'] === true;
  let properties = node.properties;
  if (embedded) {
    properties = {
      ...(properties ?? {}),
      apiVersion: properties?.apiVersion ?? { type: 'string' },
      kind: properties?.kind ?? { type: 'string' },
      metadata: properties?.metadata ?? (hasObjectMeta ? { $ref: OBJECT_META } : { type: 'object' }),
    };
  }
  if (properties) {
    const converted: Record<string, JsonSchema> = {};
    for (const [key, child] of Object.entries(properties)) setChild(converted, key, lazy, () => nodeToJsonSchema(child, hasObjectMeta, same, lazy));
    out.properties = converted;
    if (node.required && node.required.length > 0) out.required = node.required;
  } else if (structural && node.required && node.required.length > 0) {
    out.required = node.required;
  }
  const additional = node.additionalProperties;
  if (additional !== undefined) {
    if (typeof additional === 'boolean') out.additionalProperties = additional;
    else setChild(out, 'additionalProperties', lazy, () => nodeToJsonSchema(additional, hasObjectMeta, same, lazy));
  } else if (properties && !preserve && !structural?.branch) {
    out.additionalProperties = false;
  }
  return out;
}

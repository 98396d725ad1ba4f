/**
 * The schema of each CRD version, checked as the API server checks it on create: structural
 * schema rules (k8s.io/apiextensions-apiserver/pkg/apiserver/schema/validation.go,
 * validateStructuralInvariants and the completeness checks) and the per-node checks of
 * ValidateCustomResourceDefinitionOpenAPISchema in pkg/apis/apiextensions/validation/validation.go.
 *
 * Inside value validations (allOf/anyOf/oneOf/not) a node needs no `type` or `items`: those
 * belong to the structural part only.
 */
import type { JsonObject, JsonValue, Path, PathSegment } from '../types.js';
import { isObject } from '../parse/resources.js';
import { fieldPath, type CrdProblem } from './messages.js';

const TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const LIST_TYPES = ['atomic', 'map', 'set'];
const SCALARS = new Set(['string', 'integer', 'number', 'boolean']);
const BRANCHES = ['allOf', 'anyOf', 'oneOf'] as const;

/** A problem at `path`, which is copied: the walk below changes its path in place as it goes. */
function at(path: Path, on: 'key' | 'value', text: string): CrdProblem {
  const copy = [...path];
  return { path: copy, on, message: `${fieldPath(copy)}: ${text}` };
}

/** What a node's own `type` check needs to know about where the node sits. */
interface Place {
  /** Inside allOf/anyOf/oneOf/not: only value validations. */
  branch: boolean;
  /** Where a missing type is reported, in the API server's words (undefined: not needed). */
  typeNeeded?: string;
  root?: boolean;
  /** The node's anyOf is the int-or-string pattern, where branch types are allowed. */
  skipAnyOf?: boolean;
}

/** Keys a value validation may not set (validateNestedValueValidation), with the API server's words. */
const FORBIDDEN_IN_BRANCH: readonly [string, (value: JsonValue) => boolean, string][] = [
  ['type', (v) => v !== undefined && v !== '', 'must be empty to be structural'],
  ['additionalProperties', (v) => v !== undefined, 'must be undefined to be structural'],
  ['default', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['title', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['description', (v) => typeof v === 'string' && v !== '', 'must be empty to be structural'],
  ['nullable', (v) => v === true, 'must be false to be structural'],
  ['externalDocs', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['x-kubernetes-preserve-unknown-fields', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-embedded-resource', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-int-or-string', (v) => v === true, 'must be false to be structural'],
  ['x-kubernetes-list-map-keys', (v) => Array.isArray(v) && v.length > 0, 'must be empty to be structural'],
  ['x-kubernetes-list-type', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['x-kubernetes-map-type', (v) => v !== undefined && v !== null, 'must be undefined to be structural'],
  ['x-kubernetes-validations', (v) => Array.isArray(v) && v.length > 0, 'must be empty to be structural'],
];

/** `anyOf: [{type: integer}, {type: string}]`, exactly: the int-or-string exception. */
function isIntOrStringAnyOf(node: JsonValue | undefined): boolean {
  if (!isObject(node) || !Array.isArray(node.anyOf) || node.anyOf.length !== 2) return false;
  const [a, b] = node.anyOf;
  const only = (x: JsonValue | undefined, type: string): boolean => isObject(x) && Object.keys(x).length === 1 && x.type === type;
  return only(a, 'integer') && only(b, 'string');
}

function checkListType(node: JsonObject, path: Path, out: CrdProblem[]): void {
  const listType = node['x-kubernetes-list-type'];
  const keys = node['x-kubernetes-list-map-keys'];
  if (listType !== undefined && (typeof listType !== 'string' || !LIST_TYPES.includes(listType))) {
    out.push(at([...path, 'x-kubernetes-list-type'], 'value', `unsupported value ${JSON.stringify(listType)}: supported values: "atomic", "map", "set"`));
    return;
  }
  if (listType !== undefined && node.type !== undefined && node.type !== 'array') {
    out.push(at([...path, 'x-kubernetes-list-type'], 'key', 'must only be used on type array'));
    return;
  }
  // Keys of the wrong shape are the schema rule's to report.
  if (keys !== undefined && keys !== null && !Array.isArray(keys)) return;
  const hasKeys = Array.isArray(keys) && keys.length > 0;
  if (hasKeys && listType !== 'map') {
    out.push(at([...path, 'x-kubernetes-list-map-keys'], 'key', 'must only be set when x-kubernetes-list-type is map'));
    return;
  }
  if (listType !== 'map') return;
  if (!hasKeys) {
    out.push(at([...path, 'x-kubernetes-list-type'], 'value', 'x-kubernetes-list-type map needs x-kubernetes-list-map-keys (must not be empty)'));
    return;
  }
  const items = isObject(node.items) ? node.items : undefined;
  if (!items || items.type !== 'object') {
    out.push(at([...path, 'x-kubernetes-list-type'], 'value', 'x-kubernetes-list-type map needs items of type object'));
    return;
  }
  const properties = isObject(items.properties) ? items.properties : {};
  const required = Array.isArray(items.required) ? items.required : [];
  (keys as JsonValue[]).forEach((key, i) => {
    if (typeof key !== 'string') return;
    const keyPath: Path = [...path, 'x-kubernetes-list-map-keys', i];
    const property = properties[key];
    if (!isObject(property)) {
      out.push(at(keyPath, 'value', `map key "${key}" is not a property of the list items`));
    } else if (typeof property.type !== 'string' || !SCALARS.has(property.type)) {
      out.push(at(keyPath, 'value', `map key "${key}" must be a scalar property (string, integer, number or boolean)`));
    } else if (!required.includes(key) && property.default === undefined) {
      out.push(at(keyPath, 'value', `map key "${key}" must be required or have a default`));
    }
  });
}

function checkBranchNode(node: JsonObject, path: Path, out: CrdProblem[]): void {
  for (let i = 0; i < FORBIDDEN_IN_BRANCH.length; i++) {
    const [key, present, text] = FORBIDDEN_IN_BRANCH[i]!;
    if (present(node[key] as JsonValue)) out.push(at([...path, key], 'key', text));
  }
  if (isObject(node.properties) && node.properties.metadata !== undefined) {
    out.push(at([...path, 'properties', 'metadata'], 'key', 'must not be specified in a nested context'));
  }
}

function checkStructuralNode(node: JsonObject, path: Path, place: Place, out: CrdProblem[]): void {
  const type = node.type;
  const intOrString = node['x-kubernetes-int-or-string'] === true;
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = node['x-kubernetes-embedded-resource'] === true;
  if (embedded && type !== 'object') {
    out.push(type === undefined ? at(path, 'key', 'type: must be object if x-kubernetes-embedded-resource is true') : at([...path, 'type'], 'value', 'must be object if x-kubernetes-embedded-resource is true'));
  } else if (type === undefined && place.typeNeeded && !intOrString && !preserve) {
    out.push(at(path, 'key', `type: must not be empty ${place.typeNeeded}`));
  }
  if (place.root && typeof type === 'string' && TYPES.includes(type) && type !== 'object') out.push(at([...path, 'type'], 'value', 'must be object at the root'));
  if (place.root && node.additionalProperties !== undefined) out.push(at([...path, 'additionalProperties'], 'key', 'must not be used at the root'));
  if (intOrString && preserve) out.push(at([...path, 'x-kubernetes-preserve-unknown-fields'], 'value', 'must be false if x-kubernetes-int-or-string is true'));
  if (type === 'array' && node.items === undefined) out.push(at(path, 'key', 'items: must be specified for type array'));
  checkListType(node, path, out);
}

/** Walks a schema node; `path` leads to it and is restored before the walk returns. */
function walk(node: JsonValue, path: PathSegment[], place: Place, out: CrdProblem[], depth: number): void {
  if (!isObject(node) || depth > 100) return;
  const type = node.type;
  if (typeof type === 'string' && !TYPES.includes(type)) {
    out.push(at([...path, 'type'], 'value', `unsupported value "${type}": supported values: ${TYPES.map((t) => `"${t}"`).join(', ')}`));
  }
  if (place.branch) checkBranchNode(node, path, out);
  else checkStructuralNode(node, path, place, out);
  if (node.uniqueItems === true) out.push(at([...path, 'uniqueItems'], 'value', 'uniqueItems cannot be set to true since the runtime complexity becomes quadratic'));
  const properties = isObject(node.properties) ? node.properties : undefined;
  const names = properties ? Object.keys(properties) : [];
  if (names.length > 0 && (node.additionalProperties === false || isObject(node.additionalProperties))) {
    out.push(at([...path, 'additionalProperties'], 'key', 'additionalProperties and properties are mutual exclusive'));
  }

  if (properties && names.length > 0) {
    const field: Place = { branch: place.branch, typeNeeded: 'for specified object fields' };
    path.push('properties', '');
    for (const name of names) {
      path[path.length - 1] = name;
      walk(properties[name] as JsonValue, path, field, out, depth + 1);
    }
    path.length -= 2;
  }
  if (isObject(node.additionalProperties)) {
    path.push('additionalProperties');
    walk(node.additionalProperties, path, { branch: place.branch, typeNeeded: 'for specified object fields' }, out, depth + 1);
    path.pop();
  }
  if (isObject(node.items)) {
    path.push('items');
    walk(node.items, path, { branch: place.branch, typeNeeded: 'for specified array items' }, out, depth + 1);
    path.pop();
  }
  const skipAnyOf = place.skipAnyOf === true || (!place.branch && isIntOrStringAnyOf(node));
  for (let b = 0; b < BRANCHES.length; b++) {
    const key = BRANCHES[b]!;
    const list = node[key];
    if (!Array.isArray(list) || (key === 'anyOf' && skipAnyOf)) continue;
    path.push(key, 0);
    for (let i = 0; i < list.length; i++) {
      const intOrStringFirst = key === 'allOf' && i === 0 && !place.branch && isIntOrStringAnyOf(list[i]);
      path[path.length - 1] = i;
      walk(list[i] as JsonValue, path, { branch: true, skipAnyOf: intOrStringFirst }, out, depth + 1);
    }
    path.length -= 2;
  }
  if (isObject(node.not)) {
    path.push('not');
    walk(node.not, path, { branch: true }, out, depth + 1);
    path.pop();
  }
}

/** Problems in the schemas of every version of a CRD spec (v1 `versions[].schema`, v1beta1 `validation`). */
export function structuralProblems(spec: JsonObject): CrdProblem[] {
  const out: CrdProblem[] = [];
  const root: Place = { branch: false, typeNeeded: 'at the root', root: true };
  if (Array.isArray(spec.versions)) {
    spec.versions.forEach((version, i) => {
      if (!isObject(version) || !isObject(version.schema)) return;
      walk(version.schema.openAPIV3Schema ?? null, ['spec', 'versions', i, 'schema', 'openAPIV3Schema'], root, out, 0);
    });
  }
  if (isObject(spec.validation)) walk(spec.validation.openAPIV3Schema ?? null, ['spec', 'validation', 'openAPIV3Schema'], root, out, 0);
  return out;
}

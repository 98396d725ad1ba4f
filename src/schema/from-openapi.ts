/**
 * Converts Kubernetes OpenAPI documents into a catalog. Accepts what `kubectl get --raw /openapi/v2`
 * prints (Swagger 2.0) and the per-group-version OpenAPI v3 documents (`/openapi/v3/apis/apps/v1`),
 * one or several. The schema build script uses the same converter, so bundled catalogs and user
 * catalogs have one shape.
 */
import type { JsonObject, JsonValue } from '../types.js';
import type { CatalogData, GroupVersionKind, ResourceInfo, SchemaNode } from './catalog-types.js';
import { joinApiVersion } from './catalog-types.js';

/** Keys copied as they are when present (the rest of a node is built explicitly). */
const PLAIN_KEYS = [
  'type', 'format', 'description', 'required', 'enum', 'default', 'nullable', 'pattern', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties',
  'maxProperties', 'uniqueItems', 'multipleOf', 'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource', 'x-kubernetes-int-or-string', 'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys', 'x-kubernetes-map-type', 'x-kubernetes-patch-merge-key',
  'x-kubernetes-patch-strategy', 'x-kubernetes-unions', 'x-kubernetes-group-version-kind', 'x-k8s-lint-enum',
  'x-kubernetes-validations',
] as const;

const PLAIN_INDEX = new Map<string, number>(PLAIN_KEYS.map((key, i) => [key, i]));

const TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

// Kept local: scripts/build-schemas.mjs compiles this module on its own, without src/parse/.
function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `#/definitions/X` or `#/components/schemas/X` → `X`. */
export function refName(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash < 0 ? ref : ref.slice(slash + 1);
}

/** Normalises one OpenAPI schema object (v2 or v3) into a catalog node. Never throws. */
export function toSchemaNode(raw: unknown): SchemaNode {
  if (!isObject(raw)) return {};
  const node: Record<string, unknown> = {};
  // A node has a few of the keys: finding them among its own is cheaper than asking for all of
  // them (raw nodes come in many shapes, so each lookup is a slow, generic one). They are copied
  // in the order of PLAIN_KEYS all the same.
  let found: number[] | undefined;
  for (const key in raw) {
    const at = PLAIN_INDEX.get(key);
    if (at !== undefined && Object.prototype.hasOwnProperty.call(raw, key)) (found ??= []).push(at);
  }
  if (found !== undefined) {
    if (found.length > 1) found.sort((a, b) => a - b);
    for (const at of found) {
      const key = PLAIN_KEYS[at]!;
      const value = raw[key];
      if (value === undefined) continue;
      if (key === 'type' && (typeof value !== 'string' || !TYPES.has(value))) continue;
      node[key] = value;
    }
  }
  if (typeof raw.$ref === 'string') node.$ref = refName(raw.$ref);
  // OpenAPI v3 wraps a $ref that has siblings (description, default) in a one-element allOf.
  const allOf = raw.allOf;
  if (Array.isArray(allOf) && allOf.length === 1 && isObject(allOf[0]) && typeof allOf[0].$ref === 'string' && node.$ref === undefined) {
    node.$ref = refName(allOf[0].$ref);
  } else if (Array.isArray(allOf)) {
    node.allOf = allOf.map(toSchemaNode);
  }
  if (isObject(raw.properties)) {
    const properties: Record<string, SchemaNode> = {};
    const given = raw.properties;
    for (const name of Object.keys(given)) properties[name] = toSchemaNode(given[name]);
    node.properties = properties;
  }
  if (raw.items !== undefined && !Array.isArray(raw.items)) node.items = toSchemaNode(raw.items);
  if (typeof raw.additionalProperties === 'boolean') node.additionalProperties = raw.additionalProperties;
  else if (isObject(raw.additionalProperties)) node.additionalProperties = toSchemaNode(raw.additionalProperties);
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = raw[key];
    if (Array.isArray(list)) node[key] = list.map(toSchemaNode);
  }
  if (isObject(raw.not)) node.not = toSchemaNode(raw.not);
  return node as SchemaNode;
}

const PATH_PATTERN = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(namespaces\/\{namespace\}\/)?([a-z0-9.-]+)(\/\{name\})?$/;
const RESOURCE_ACTIONS = new Set(['get', 'list', 'post', 'put', 'patch', 'delete', 'deletecollection']);

interface PathResource {
  gvk: GroupVersionKind;
  plural: string;
  namespaced: boolean;
  responseRef?: string;
}

/** Reads served resources from `paths`: top-level collection and item paths whose operations name a kind. */
function resourcesFromPaths(paths: unknown): PathResource[] {
  const found = new Map<string, PathResource>();
  if (!isObject(paths)) return [];
  for (const [path, item] of Object.entries(paths)) {
    const match = PATH_PATTERN.exec(path);
    if (!match || !isObject(item)) continue;
    const [, coreVersion, group, groupVersion, namespaceSegment, plural] = match;
    if (plural === undefined || plural === 'watch') continue;
    for (const operation of Object.values(item)) {
      if (!isObject(operation)) continue;
      const action = operation['x-kubernetes-action'];
      const gvk = operation['x-kubernetes-group-version-kind'];
      if (typeof action !== 'string' || !RESOURCE_ACTIONS.has(action) || !isObject(gvk)) continue;
      const kind = String(gvk.kind ?? '');
      const version = String(gvk.version ?? coreVersion ?? groupVersion ?? '');
      const g = String(gvk.group ?? group ?? '');
      // Collection operations name the item kind too; the item paths say everything needed.
      if (action === 'list' || action === 'deletecollection' || kind === '') continue;
      const key = `${g}/${version}/${kind}`;
      const previous = found.get(key);
      const responseRef = responseSchemaRef(operation);
      found.set(key, {
        gvk: { group: g, version, kind },
        plural: previous?.plural ?? plural,
        namespaced: (previous?.namespaced ?? false) || namespaceSegment !== undefined,
        ...(previous?.responseRef ?? responseRef ? { responseRef: previous?.responseRef ?? responseRef } : {}),
      });
    }
  }
  return [...found.values()];
}

function responseSchemaRef(operation: JsonObject): string | undefined {
  const responses = operation.responses;
  if (!isObject(responses)) return undefined;
  for (const code of ['200', '201']) {
    const response = responses[code];
    if (!isObject(response)) continue;
    const v2 = response.schema;
    if (isObject(v2) && typeof v2.$ref === 'string') return refName(v2.$ref);
    const content = response.content;
    if (isObject(content)) {
      for (const media of Object.values(content)) {
        if (isObject(media) && isObject(media.schema) && typeof media.schema.$ref === 'string') return refName(media.schema.$ref);
      }
    }
  }
  return undefined;
}

function gvkKey(gvk: GroupVersionKind): string {
  return `${gvk.group}/${gvk.version}/${gvk.kind}`;
}

/**
 * Builds a catalog from one or more OpenAPI documents (v2 `definitions` or v3 `components.schemas`).
 * Definitions keep their upstream names; resources come from the documents' paths.
 */
export function catalogFromOpenAPI(documents: JsonValue | JsonValue[], label = 'openapi'): CatalogData {
  const docs = Array.isArray(documents) && !isObject(documents) ? documents : [documents];
  const definitions: Record<string, SchemaNode> = {};
  const pathResources: PathResource[] = [];
  for (const doc of docs) {
    if (!isObject(doc)) continue;
    const schemas = isObject(doc.definitions) ? doc.definitions : isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    for (const [name, schema] of Object.entries(schemas)) definitions[name] = toSchemaNode(schema);
    pathResources.push(...resourcesFromPaths(doc.paths));
  }
  const byGvk = new Map<string, string>();
  for (const [name, def] of Object.entries(definitions)) {
    const gvks = def['x-kubernetes-group-version-kind'] ?? [];
    for (const gvk of gvks) {
      const key = gvkKey(gvk);
      // Prefer a definition that is the schema of this one kind over shared ones (DeleteOptions).
      if (!byGvk.has(key) || gvks.length === 1) byGvk.set(key, name);
    }
  }
  const resources = new Map<string, ResourceInfo>();
  for (const found of pathResources) {
    const key = gvkKey(found.gvk);
    const definition = byGvk.get(key) ?? found.responseRef;
    if (definition === undefined || definitions[definition] === undefined) continue;
    const { group, version, kind } = found.gvk;
    const previous = resources.get(key);
    resources.set(key, {
      group, version, kind,
      apiVersion: joinApiVersion(group, version),
      plural: previous?.plural ?? found.plural,
      namespaced: (previous?.namespaced ?? false) || found.namespaced,
      definition,
    });
  }
  return { kubernetesVersion: label, resources: sortResources([...resources.values()]), definitions };
}

export function sortResources(resources: ResourceInfo[]): ResourceInfo[] {
  return resources.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

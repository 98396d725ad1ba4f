/**
 * Turns a CustomResourceDefinition into a catalog: one definition and one resource per served
 * version. The custom resource's `metadata` points at the real ObjectMeta, so it is validated
 * like any built-in object's metadata (the bundled catalog provides that definition).
 *
 * Names, resources and scopes are read at once; each version's schema is converted only when its
 * definition is first read (see lazy-definitions.ts).
 */
import type { JsonValue } from '../types.js';
import type { CatalogData, ResourceInfo, SchemaNode } from './catalog-types.js';
import { joinApiVersion } from './catalog-types.js';
import { sortResources, toSchemaNode } from './from-openapi.js';
import { OBJECT_META } from './to-json-schema.js';
import { isObject } from '../parse/resources.js';
import { copyDefinition, defineLazyDefinition } from './lazy-definitions.js';

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Definition name of a custom resource version: `com.example.stable.v1.CronTab` style, short name = kind. */
export function crdDefinitionName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

/** The root schema of a served version, with metadata/apiVersion/kind as the API server sees them. */
function rootSchema(raw: JsonValue | undefined, group: string, version: string, kind: string): SchemaNode {
  const node: SchemaNode = isObject(raw) ? toSchemaNode(raw) : { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const properties = { ...(node.properties ?? {}) };
  const metadataDescription = properties.metadata?.description;
  properties.metadata = { ...(metadataDescription ? { description: metadataDescription } : {}), $ref: OBJECT_META };
  properties.apiVersion = { ...(properties.apiVersion ?? {}), type: 'string' };
  properties.kind = { ...(properties.kind ?? {}), type: 'string' };
  return { ...node, type: 'object', properties, 'x-kubernetes-group-version-kind': [{ group, version, kind }] };
}

/**
 * Converts one CRD object (apiextensions.k8s.io/v1 or v1beta1). Anything that is not a usable
 * CRD gives an empty catalog rather than an error: the checker then reports its resources as
 * having no schema.
 */
export function catalogFromCRD(crd: JsonValue): CatalogData {
  const empty: CatalogData = { kubernetesVersion: 'crd', resources: [], definitions: {} };
  if (!isObject(crd) || !isObject(crd.spec)) return empty;
  if (crd.kind !== undefined && crd.kind !== 'CustomResourceDefinition') return empty;
  const spec = crd.spec;
  const names = isObject(spec.names) ? spec.names : {};
  const group = str(spec.group);
  const kind = str(names.kind);
  if (!group || !kind) return empty;
  const plural = str(names.plural) ?? `${kind.toLowerCase()}s`;
  const namespaced = spec.scope !== 'Cluster';
  const sharedSchema = isObject(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
  const versions: { name: string; schema: JsonValue | undefined }[] = [];
  if (Array.isArray(spec.versions)) {
    for (const entry of spec.versions) {
      if (!isObject(entry) || entry.served === false) continue;
      const name = str(entry.name);
      const schema = isObject(entry.schema) ? entry.schema.openAPIV3Schema : undefined;
      if (name) versions.push({ name, schema: schema ?? sharedSchema });
    }
  } else if (str(spec.version)) {
    versions.push({ name: spec.version as string, schema: sharedSchema });
  }
  const resources: ResourceInfo[] = [];
  const definitions: Record<string, SchemaNode> = {};
  for (const { name: version, schema } of versions) {
    const definition = crdDefinitionName(group, version, kind);
    defineLazyDefinition(definitions, definition, { raw: schema }, () => rootSchema(schema, group, version, kind));
    resources.push({ group, version, kind, apiVersion: joinApiVersion(group, version), plural, namespaced, definition });
  }
  return { kubernetesVersion: 'crd', resources: sortResources(resources), definitions };
}

/**
 * `catalogFromCRD` without the group-versions the bundled catalog serves itself: kube-apiserver
 * keeps serving those with its built-in API (it registers no APIService for a CRD there), so a
 * CRD never replaces a built-in kind's schema. The `crd-schema` rule reports such a CRD.
 */
export function catalogFromCRDBeside(crd: JsonValue, builtIn: { readonly resources: readonly ResourceInfo[] }): CatalogData {
  const data = catalogFromCRD(crd);
  const served = new Set(builtIn.resources.map((r) => r.apiVersion));
  const resources = data.resources.filter((r) => !served.has(r.apiVersion));
  if (resources.length === data.resources.length) return data;
  const definitions: Record<string, SchemaNode> = {};
  for (const r of resources) copyDefinition(definitions, data.definitions, r.definition);
  return { ...data, resources, definitions };
}

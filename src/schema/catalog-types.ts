/**
 * Data shapes of a schema catalog: what `schemas/<version>/` holds on disk and what the
 * converters (`catalogFromOpenAPI`, `catalogFromCRD`) produce at run time.
 *
 * A schema node is a small, Kubernetes-flavoured subset of OpenAPI: the keys keep their OpenAPI
 * names so that a reader who knows the spec knows the catalog. `$ref` holds the full definition
 * name (`io.k8s.api.core.v1.ServicePort`); `shortName()` gives the name kubectl prints.
 */
import type { JsonValue } from '../types.js';

export type SchemaType = 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export interface SchemaNode {
  type?: SchemaType;
  format?: string;
  /** Full name of a definition in the same catalog (or a catalog merged with it). */
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  /** Schema of map values (`map[string]T`); `true` allows any value. */
  additionalProperties?: SchemaNode | boolean;
  enum?: JsonValue[];
  default?: JsonValue;
  nullable?: boolean;
  /** Only kept from CRDs and user documents: validation keywords that builtin types do not carry. */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  not?: SchemaNode;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-map-type'?: 'atomic' | 'granular';
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-unions'?: JsonValue[];
  /**
   * Bundled catalogs only: the values the API server accepts for an `+enum` string field that
   * upstream documents give no `enum` (see scripts/build-schemas/enums.mjs). Kept apart from `enum`
   * because `kubectl explain` shows none for these fields; the empty string (unset) is always allowed.
   */
  'x-k8s-lint-enum'?: string[];
  /** CEL validation rules, as written (read by src/schema/cel/rules.ts). */
  'x-kubernetes-validations'?: JsonValue[];
  /** On definitions only: the kinds this definition is the schema of. */
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

/** One served resource: what `kubectl api-resources` lists, plus the definition of its schema. */
export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** `group/version`, or just `version` for the core group. */
  apiVersion: string;
  /** Lower-case plural resource name (`deployments`). */
  plural: string;
  namespaced: boolean;
  /** Full definition name of the resource's schema. */
  definition: string;
}

/** A complete catalog in memory (descriptions inline, as converters produce it). */
export interface CatalogData {
  /** Kubernetes minor version (`1.36`) or a free label for user catalogs (`openapi`, `crd`). */
  kubernetesVersion: string;
  resources: ResourceInfo[];
  definitions: Record<string, SchemaNode>;
}

/** `schemas/<version>/structure.json` of the newest version: a CatalogData without any `description`. */
export interface StructureFile extends CatalogData {
  format: 1;
  /** Packages the catalog was built from (`name@version`). */
  sources: string[];
}

/**
 * `schemas/<version>/structure.json` of an older version: its own resources, and its definitions
 * as differences from the next newer bundled version (`base`): the new or changed ones, and the
 * names of those it lacks.
 */
export interface StructureDeltaFile extends CatalogData {
  format: 2;
  sources: string[];
  base: string;
  removed: string[];
}

/**
 * `schemas/<version>/descriptions.json`: definition name → JSON pointer inside that definition
 * (`''` for the definition itself, `/properties/spec` for a field) → description text.
 */
export type DescriptionsFile = Record<string, Record<string, string>>;

/** The descriptions of an older version: pointers whose text differs from `base` (`null`: none). */
export interface DescriptionsDeltaFile {
  format: 2;
  base: string;
  definitions: Record<string, Record<string, string | null>>;
}

/** `io.k8s.api.core.v1.ServicePort` → `ServicePort`: the name kubectl explain prints for a $ref. */
export function shortName(definitionName: string): string {
  const dot = definitionName.lastIndexOf('.');
  return dot < 0 ? definitionName : definitionName.slice(dot + 1);
}

/** `apps/v1` → {group:'apps', version:'v1'}; `v1` → {group:'', version:'v1'}. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export function joinApiVersion(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

/**
 * What an editor asks of the schemas, answered from the same view kubectl explain has: the fields
 * of the object at a place in a manifest, one field's text as kubectl lists it, a kind's
 * description and the versions that serve it. A path is the keys from the object's root as they
 * appear in a manifest, without list indices (`spec`, `ports`, `nodePort`); map keys are kept
 * (`metadata`, `labels`, `app`).
 */
import type { JsonValue } from '../types.js';
import { groupVersionString, type ApiResource, type SchemaNode } from './model.js';
import { renderFieldEntry } from './render-plaintext.js';
import type { ExplainApi } from './source.js';
import { isSchemaMap, typeGuess, V3Document } from './v3-view.js';

/** Where bundled catalogs keep the accepted values of `+enum` fields (see src/schema/enum-values.ts). */
const ENUM_KEY = 'x-k8s-lint-enum';
/** Schemas nest far less than this; the bound only stops a reference cycle. */
const MAX_DEPTH = 32;

export interface FieldInfo {
  name: string;
  /** The type as kubectl shows it: `integer`, `[]ServicePort`, `map[string]string`, `Object`. */
  type: string;
  required: boolean;
  description: string;
  /** Values the schema accepts, when it lists them (the unset empty string left out). */
  values: string[];
}

interface Slot {
  /** The schema node whose `properties` hold the field (its `required` says whether it must be set). */
  holder: SchemaNode;
  property: SchemaNode;
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class SchemaFacts {
  private readonly doc: V3Document;

  constructor(private readonly api: ExplainApi) {
    this.doc = new V3Document((name) => api.source.definition(name));
  }

  /** The served resource of an exact apiVersion (`v1`, `apps/v1`) and kind. */
  resourceFor(apiVersion: string, kind: string): ApiResource | undefined {
    return this.api.discovery.resources.find((r) => r.kind === kind && groupVersionString(r.group, r.version) === apiVersion);
  }

  /** The apiVersions that serve a kind, preferred first (discovery's order). */
  apiVersionsOf(kind: string): string[] {
    return [...new Set(this.api.discovery.resources.filter((r) => r.kind === kind).map((r) => groupVersionString(r.group, r.version)))];
  }

  /** Every served apiVersion, in discovery's order. */
  apiVersions(): string[] {
    return this.api.discovery.groups.flatMap((g) => g.versions.map((v) => groupVersionString(g.name, v)));
  }

  /** The kinds an apiVersion serves, sorted. */
  kindsOf(apiVersion: string): string[] {
    const kinds = this.api.discovery.resources.filter((r) => groupVersionString(r.group, r.version) === apiVersion).map((r) => r.kind);
    return [...new Set(kinds)].sort(byName);
  }

  /** The description of a kind's schema. */
  kindDescription(resource: ApiResource): string {
    return this.api.source.definition(resource.definition)?.description ?? '';
  }

  /** The fields of the object at `path`, sorted by name; undefined when the path leaves the schema. */
  fields(resource: ApiResource, path: readonly string[]): FieldInfo[] | undefined {
    const node = this.valueAt(resource, path);
    if (!node) return undefined;
    const out = new Map<string, FieldInfo>();
    this.collect(node, out, 0);
    return [...out.values()].sort((a, b) => byName(a.name, b.name));
  }

  /** The field at the end of `path` and its text as kubectl lists it; undefined for a map key or an unknown field. */
  field(resource: ApiResource, path: readonly string[]): { info: FieldInfo; text: string } | undefined {
    const name = path[path.length - 1];
    if (name === undefined) return undefined;
    const parent = this.valueAt(resource, path.slice(0, -1));
    const slot = parent && this.property(parent, name, 0);
    if (!slot) return undefined;
    return { info: this.info(slot.holder, name), text: renderFieldEntry(this.doc, slot.holder, name) };
  }

  /** The resolved node: the definition a `$ref` names, or the node in explain's v3 style. */
  private resolved(schema: SchemaNode): SchemaNode {
    return this.doc.resolve(schema.$ref ?? '') ?? this.doc.node(schema);
  }

  /** The property `name` of the object `schema` describes, through references, `allOf` and list items. */
  private property(schema: SchemaNode, name: string, depth: number): Slot | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const resolved = this.resolved(schema);
    const own = resolved.properties && hasOwn(resolved.properties, name) ? resolved.properties[name] : undefined;
    if (own && isSchemaMap(own)) return { holder: resolved, property: own };
    if (isSchemaMap(resolved.items)) return this.property(this.doc.node(resolved.items), name, depth + 1);
    for (const alternative of this.doc.allOf(resolved)) {
      const found = this.property(alternative, name, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The schema of the values of a map (`labels`), through references, `allOf` and list items. */
  private mapValues(schema: SchemaNode, depth: number): SchemaNode | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const resolved = this.resolved(schema);
    if (isSchemaMap(resolved.additionalProperties)) return this.doc.node(resolved.additionalProperties);
    if (isSchemaMap(resolved.items)) return this.mapValues(this.doc.node(resolved.items), depth + 1);
    for (const alternative of this.doc.allOf(resolved)) {
      const found = this.mapValues(alternative, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  private valueAt(resource: ApiResource, path: readonly string[]): SchemaNode | undefined {
    let node = this.api.source.definition(resource.definition);
    for (const segment of path) {
      if (!node) return undefined;
      const slot = this.property(node, segment, 0);
      node = slot ? this.doc.node(slot.property) : this.mapValues(node, 0);
    }
    return node;
  }

  private collect(schema: SchemaNode, out: Map<string, FieldInfo>, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const resolved = this.resolved(schema);
    for (const name of Object.keys(resolved.properties ?? {})) if (!out.has(name)) out.set(name, this.info(resolved, name));
    if (isSchemaMap(resolved.items)) this.collect(this.doc.node(resolved.items), out, depth + 1);
    for (const alternative of this.doc.allOf(resolved)) this.collect(alternative, out, depth + 1);
  }

  private info(holder: SchemaNode, name: string): FieldInfo {
    const field = this.doc.node(holder.properties?.[name] ?? {});
    const target = this.doc.allOf(field).map((a) => this.resolved(a));
    const description = field.description || target.find((t) => t.description)?.description || '';
    return {
      name,
      type: typeGuess(this.doc, field),
      required: holder.required?.includes(name) ?? false,
      description,
      values: valuesOf([field, ...target]),
    };
  }
}

/** The accepted values of the first of these nodes that lists some (`enum`, or the bundled catalogs' own key). */
function valuesOf(nodes: readonly SchemaNode[]): string[] {
  for (const node of nodes) {
    const listed = (node as { [ENUM_KEY]?: unknown })[ENUM_KEY] ?? node.enum;
    if (!Array.isArray(listed) || listed.length === 0) continue;
    return (listed as JsonValue[]).filter((v) => v !== '' && v !== null).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  }
  return [];
}

/**
 * Explain's view of a schema catalog: resources with the discovery facts kubectl shows (singular,
 * short names, categories, verbs) and definitions with their descriptions put back in place.
 * Only the definitions a query touches are assembled.
 */
import type { JsonValue } from '../types.js';
import { createCatalog, mergeCatalogs, type Catalog } from '../schema/catalog.js';
import { catalogFromCRDBeside } from '../schema/from-crd.js';
import { CATEGORIES, LIMITED_VERBS, SHORT_NAMES, STANDARD_VERBS, groupResourceKey } from './api-facts.js';
import type { ApiResource, ExplainSource, SchemaNode } from './model.js';
import { isObject } from '../parse/resources.js';

const OBJECT_META = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** What a CRD says about its names, which the catalog does not keep. */
interface CrdNames {
  singular?: string;
  shortNames: string[];
  categories: string[];
}

function crdNames(crd: JsonValue): { key: string; names: CrdNames } | undefined {
  if (!isObject(crd) || !isObject(crd.spec) || !isObject(crd.spec.names)) return undefined;
  const group = crd.spec.group;
  const names = crd.spec.names;
  if (typeof group !== 'string' || typeof names.kind !== 'string') return undefined;
  const plural = typeof names.plural === 'string' ? names.plural : `${names.kind.toLowerCase()}s`;
  return {
    key: groupResourceKey(group, plural),
    names: {
      singular: typeof names.singular === 'string' && names.singular ? names.singular : undefined,
      shortNames: strings(names.shortNames),
      categories: strings(names.categories),
    },
  };
}

/** The objects of a `kind: List` (as `kubectl get crd -o yaml` prints them), or the object itself. */
function listItems(object: JsonValue): JsonValue[] {
  if (isObject(object) && object.kind === 'List' && Array.isArray(object.items)) return object.items.flatMap(listItems);
  return [object];
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export class CatalogExplainSource implements ExplainSource {
  readonly resources: readonly ApiResource[];
  private readonly catalog: Catalog;
  private readonly described = new Map<string, SchemaNode | undefined>();
  /** Definitions of custom resources, whose apiVersion, kind and metadata the API server rewrites. */
  private readonly customDefinitions = new Set<string>();
  private standardFields: Record<string, SchemaNode> | undefined;

  constructor(base: Catalog, objects: readonly JsonValue[] = []) {
    const crds = objects.flatMap(listItems);
    const crdCatalogs = crds.map((crd) => createCatalog(catalogFromCRDBeside(crd, base)));
    this.catalog = mergeCatalogs(base, ...crdCatalogs);
    const customNames = new Map<string, CrdNames>();
    for (const crd of crds) {
      const found = crdNames(crd);
      if (found) customNames.set(found.key, found.names);
    }
    for (const catalog of crdCatalogs) for (const r of catalog.resources) this.customDefinitions.add(r.definition);
    this.resources = this.catalog.resources.map((r) => {
      const key = groupResourceKey(r.group, r.plural);
      const custom = this.customDefinitions.has(r.definition) ? customNames.get(key) : undefined;
      return {
        group: r.group,
        version: r.version,
        kind: r.kind,
        plural: r.plural,
        singular: custom?.singular ?? r.kind.toLowerCase(),
        namespaced: r.namespaced,
        shortNames: custom ? custom.shortNames : (SHORT_NAMES[key] ?? []),
        categories: custom ? custom.categories : (CATEGORIES[key] ?? []),
        verbs: LIMITED_VERBS[key] ?? STANDARD_VERBS,
        definition: r.definition,
      };
    });
  }

  definition(name: string): SchemaNode | undefined {
    if (this.described.has(name)) return this.described.get(name);
    const structure = this.catalog.definition(name);
    let node = structure ? this.withDescriptions(name, structure, '') : undefined;
    if (node && this.customDefinitions.has(name)) node = this.withStandardObjectFields(node);
    this.described.set(name, node);
    return node;
  }

  /** A copy of the node with each description looked up by its JSON pointer in the definition. */
  private withDescriptions(definition: string, node: SchemaNode, pointer: string): SchemaNode {
    const out: SchemaNode = { ...node };
    const description = this.catalog.describe(definition, pointer);
    if (description !== undefined) out.description = description;
    if (node.properties) {
      const properties: Record<string, SchemaNode> = {};
      for (const [key, child] of Object.entries(node.properties)) {
        properties[key] = this.withDescriptions(definition, child, `${pointer}/properties/${escapePointer(key)}`);
      }
      out.properties = properties;
    }
    if (node.items) out.items = this.withDescriptions(definition, node.items, `${pointer}/items`);
    if (typeof node.additionalProperties === 'object') {
      out.additionalProperties = this.withDescriptions(definition, node.additionalProperties, `${pointer}/additionalProperties`);
    }
    if (node.allOf) out.allOf = node.allOf.map((child, i) => this.withDescriptions(definition, child, `${pointer}/allOf/${i}`));
    return out;
  }

  /**
   * The API server publishes a custom resource with the standard apiVersion, kind and metadata
   * fields, whatever the CRD's schema says about them, with the texts the built-in kinds share.
   */
  private withStandardObjectFields(node: SchemaNode): SchemaNode {
    const standard = this.standardObjectFields();
    return { ...node, properties: { ...(node.properties ?? {}), ...standard } };
  }

  private standardObjectFields(): Record<string, SchemaNode> {
    if (this.standardFields) return this.standardFields;
    const builtins = this.resources.filter((r) => !this.customDefinitions.has(r.definition));
    /** The text most built-in kinds give the field: the standard one (a few kinds say more). */
    const describe = (field: string): { description?: string } => {
      const counts = new Map<string, number>();
      for (const r of builtins) {
        const text = this.catalog.describe(r.definition, `/properties/${field}`);
        if (text !== undefined) counts.set(text, (counts.get(text) ?? 0) + 1);
      }
      const [standard] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
      return standard === undefined ? {} : { description: standard };
    };
    this.standardFields = {
      apiVersion: { type: 'string', ...describe('apiVersion') },
      kind: { type: 'string', ...describe('kind') },
      metadata: { $ref: OBJECT_META, ...describe('metadata') },
    };
    return this.standardFields;
  }
}

/**
 * Schema catalogs: the bundled Kubernetes versions in `schemas/`, and catalogs built at run time
 * from a user's OpenAPI documents or CustomResourceDefinitions.
 *
 * Loading is lazy and cached: `loadCatalog()` parses only the structure file (what validation
 * needs); descriptions are parsed the first time `describe()` is called.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDescriptions, readStructure } from './bundled-files.js';
import type { CatalogData, DescriptionsFile, ResourceInfo, SchemaNode } from './catalog-types.js';
import { splitApiVersion } from './catalog-types.js';
import { copyDefinitions } from './lazy-definitions.js';

export type { CatalogData, GroupVersionKind, ResourceInfo, SchemaNode, SchemaType } from './catalog-types.js';
export { shortName, splitApiVersion, joinApiVersion } from './catalog-types.js';
export { catalogFromOpenAPI } from './from-openapi.js';
export { catalogFromCRD } from './from-crd.js';

/** `schemas/` sits two levels above this module both in `src/schema/` and in `dist/schema/`. */
const SCHEMAS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');

/** The folder of every bundled catalog (`schemas/`). */
export function schemasDir(): string {
  return SCHEMAS_DIR;
}

function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}

/** The folder of a bundled version's files (structure, descriptions, precompiled validators). */
export function catalogDir(version: string): string {
  return join(SCHEMAS_DIR, normalizeVersion(version));
}

/** Kubernetes minor versions with a bundled catalog, oldest first (`['1.34', '1.36']`). */
export function availableVersions(): string[] {
  if (!existsSync(SCHEMAS_DIR)) return [];
  return readdirSync(SCHEMAS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+\.\d+$/.test(entry.name) && existsSync(join(SCHEMAS_DIR, entry.name, 'structure.json')))
    .map((entry) => entry.name)
    .sort(compareVersions);
}

/** The bundled versions as ranges of consecutive minors: `1.28–1.30, 1.32–1.34, 1.36`. */
export function bundledRange(versions: readonly string[] = availableVersions()): string {
  const parts: string[] = [];
  let start: string | undefined;
  versions.forEach((version, i) => {
    start ??= version;
    const next = versions[i + 1];
    const [major, minor] = version.split('.').map(Number);
    if (next === `${major}.${(minor ?? 0) + 1}`) return;
    parts.push(start === version ? version : `${start}–${version}`);
    start = undefined;
  });
  return parts.join(', ');
}

/** The newest bundled version: what is checked when no version is asked for. */
export function defaultVersion(): string {
  const versions = availableVersions();
  const newest = versions[versions.length - 1];
  if (newest === undefined) throw new Error(`no schema catalogs found in ${SCHEMAS_DIR}`);
  return newest;
}

/** `v1.36`, `1.36.2` and `1.36` all name the catalog `1.36`. */
export function normalizeVersion(version: string): string {
  const match = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return match ? `${match[1]}.${match[2]}` : version;
}

/** A catalog with lookups. Immutable once built; safe to share between checkers. */
export class Catalog {
  readonly kubernetesVersion: string;
  readonly resources: readonly ResourceInfo[];
  readonly definitions: Readonly<Record<string, SchemaNode>>;
  private readonly byApiVersionKind = new Map<string, ResourceInfo>();
  private readonly externalDescriptions: DescriptionSource | undefined;
  private groups: Set<string> | undefined;

  /** `descriptions` answers for descriptions kept outside the nodes (bundled catalogs, merges). */
  constructor(data: CatalogData, descriptions?: DescriptionSource) {
    this.kubernetesVersion = data.kubernetesVersion;
    this.resources = data.resources;
    this.definitions = data.definitions;
    this.externalDescriptions = descriptions;
    for (const resource of data.resources) this.byApiVersionKind.set(`${resource.apiVersion}\0${resource.kind}`, resource);
  }

  /** The schema of a definition by its full name (`io.k8s.api.apps.v1.Deployment`). */
  definition(name: string): SchemaNode | undefined {
    return Object.prototype.hasOwnProperty.call(this.definitions, name) ? this.definitions[name] : undefined;
  }

  /** Follows `$ref`s until a node without one (or a dangling reference, returned as it is). */
  resolve(node: SchemaNode): SchemaNode {
    let current = node;
    for (let depth = 0; current.$ref !== undefined && depth < 32; depth++) {
      const target = this.definition(current.$ref);
      if (!target) break;
      current = target;
    }
    return current;
  }

  /** The served resource for an exact `apiVersion` + `kind`. */
  findResource(apiVersion: string, kind: string): ResourceInfo | undefined {
    return this.byApiVersionKind.get(`${apiVersion}\0${kind}`);
  }

  /** Every served group-version of a kind (exact kind name). */
  resourcesOfKind(kind: string): ResourceInfo[] {
    return this.resources.filter((r) => r.kind === kind);
  }

  /** Resources whose kind, plural or `plural.group` matches the name, ignoring case (as kubectl). */
  lookupResource(name: string): ResourceInfo[] {
    const lower = name.toLowerCase();
    return this.resources.filter(
      (r) => r.kind.toLowerCase() === lower || r.plural === lower || (r.group !== '' && `${r.plural}.${r.group}` === lower) || (r.group !== '' && `${r.kind.toLowerCase()}.${r.group}` === lower),
    );
  }

  /** True when some resource of this catalog is in the API group of `apiVersion`. */
  servesGroup(apiVersion: string): boolean {
    return this.servesGroupName(splitApiVersion(apiVersion).group);
  }

  /** True when some resource of this catalog is in `group` (`''` for the core group). */
  servesGroupName(group: string): boolean {
    this.groups ??= new Set(this.resources.map((r) => r.group));
    return this.groups.has(group);
  }

  /**
   * The description of a definition (`pointer` '') or of a node inside it, by JSON pointer
   * (`/properties/spec`, `/properties/ports/items`). Loads descriptions on first use.
   */
  describe(definitionName: string, pointer = ''): string | undefined {
    return this.externalDescriptions?.(definitionName, pointer) ?? nodeAt(this.definition(definitionName), pointer)?.description;
  }
}

/** Looks up a description by definition name and JSON pointer inside the definition. */
export type DescriptionSource = (definitionName: string, pointer: string) => string | undefined;

/** Walks a JSON pointer inside a schema node (for catalogs that keep descriptions inline). */
function nodeAt(root: SchemaNode | undefined, pointer: string): SchemaNode | undefined {
  let node: unknown = root;
  if (pointer === '') return root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as SchemaNode) : undefined;
}

const loaded = new Map<string, Catalog>();

/** The bundled catalog of a Kubernetes version (default: the newest). Cached; throws if absent. */
export function loadCatalog(version: string = defaultVersion()): Catalog {
  const key = normalizeVersion(version);
  const cached = loaded.get(key);
  if (cached) return cached;
  const dir = join(SCHEMAS_DIR, key);
  const structurePath = join(dir, 'structure.json');
  if (!existsSync(structurePath)) {
    throw new Error(`no schemas for Kubernetes ${key}; bundled: ${bundledRange()} (k8s-lint versions lists them)`);
  }
  const structure = readStructure(SCHEMAS_DIR, key);
  let descriptions: DescriptionsFile | undefined;
  const catalog = new Catalog(structure, (name, pointer) => {
    descriptions ??= readDescriptions(SCHEMAS_DIR, key);
    return descriptions[name]?.[pointer];
  });
  loaded.set(key, catalog);
  return catalog;
}

/** Wraps converter output (e.g. from `catalogFromOpenAPI`) so it has the same lookups. */
export function createCatalog(data: CatalogData): Catalog {
  return new Catalog(data);
}

/**
 * One catalog over several: later ones win for the same definition name or apiVersion+kind.
 * Used to put CRDs and user OpenAPI documents next to a bundled version.
 */
export function mergeCatalogs(base: Catalog, ...extra: Catalog[]): Catalog {
  if (extra.length === 0) return base;
  // Copied entry by entry: a spread would convert every CRD version (see lazy-definitions.ts).
  const definitions = copyDefinitions({}, base.definitions);
  const resources = new Map<string, ResourceInfo>();
  for (const r of base.resources) resources.set(`${r.apiVersion}\0${r.kind}`, r);
  for (const catalog of extra) {
    copyDefinitions(definitions, catalog.definitions);
    for (const r of catalog.resources) resources.set(`${r.apiVersion}\0${r.kind}`, r);
  }
  // Descriptions come from whichever catalog the definition was taken from.
  const owners = new Map<string, Catalog>();
  for (const catalog of [base, ...extra]) for (const name of Object.keys(catalog.definitions)) owners.set(name, catalog);
  return new Catalog({ kubernetesVersion: base.kubernetesVersion, resources: [...resources.values()], definitions }, (name, pointer) =>
    owners.get(name)?.describe(name, pointer),
  );
}

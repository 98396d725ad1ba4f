/**
 * The bundled CRD catalog (`schemas/crd-catalog/`, built by scripts/build-crd-catalog.mjs): the
 * CustomResourceDefinitions of popular projects, for custom resources nobody gave a CRD for.
 *
 * Read lazily, in two steps: the small index (every group, version, kind and name) the first time
 * a custom resource without a schema is met, then the file of the one project that defines it.
 * A run with no custom resource reads neither.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { JsonValue } from '../types.js';
import { isObject } from '../parse/resources.js';
import { schemasDir } from './catalog.js';
import { splitApiVersion } from './catalog-types.js';

export interface CatalogEntry {
  /** The project the kind belongs to (`cert-manager`); also the name of its file. */
  ecosystem: string;
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
}

interface IndexFile {
  format: number;
  sources: string[];
  resources: CatalogEntry[];
}

const CATALOG_DIR = join(schemasDir(), 'crd-catalog');

let index: IndexFile | undefined;
const crdFiles = new Map<string, JsonValue[]>();

function loadIndex(): IndexFile {
  if (index) return index;
  const path = join(CATALOG_DIR, 'index.json');
  index = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as IndexFile) : { format: 1, sources: [], resources: [] };
  return index;
}

/** Every kind of the catalog, each served version on its own entry. */
export function catalogEntries(): readonly CatalogEntry[] {
  return loadIndex().resources;
}

/** The packages (and versions) the catalog was built from. */
export function catalogSources(): readonly string[] {
  return loadIndex().sources;
}

/** The catalog entry for an exact apiVersion and kind, if the catalog has one. */
export function findCatalogEntry(apiVersion: string, kind: string): CatalogEntry | undefined {
  const { group, version } = splitApiVersion(apiVersion);
  if (group === '') return undefined;
  return loadIndex().resources.find((r) => r.group === group && r.version === version && r.kind === kind);
}

/** The CRDs of one project (parsed once per process). */
export function ecosystemCrds(ecosystem: string): JsonValue[] {
  let crds = crdFiles.get(ecosystem);
  if (!crds) {
    if (!/^[a-z0-9-]+$/.test(ecosystem)) return [];
    const path = join(CATALOG_DIR, `${ecosystem}.json.gz`);
    crds = existsSync(path) ? (JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as JsonValue[]) : [];
    crdFiles.set(ecosystem, crds);
  }
  return crds;
}

/** The catalog's CRD of a kind (every version the catalog has), if any. */
export function catalogCrd(entry: Pick<CatalogEntry, 'ecosystem' | 'group' | 'kind'>): JsonValue | undefined {
  return ecosystemCrds(entry.ecosystem).find((crd) => isObject(crd) && isObject(crd.spec) && crd.spec.group === entry.group && isObject(crd.spec.names) && crd.spec.names.kind === entry.kind);
}

/**
 * The catalog's CRDs whose kind a kubectl resource argument names (`httproute.spec.rules`,
 * `certs`, `httproutes.gateway.networking.k8s.io.spec`): by kind, plural, singular, short name,
 * or plural/kind with the group, ignoring case.
 */
export function catalogCrdsNamed(target: string): JsonValue[] {
  const lower = target.toLowerCase();
  const seen = new Set<string>();
  const out: JsonValue[] = [];
  for (const r of loadIndex().resources) {
    const names = [r.kind.toLowerCase(), r.plural, r.singular, ...r.shortNames, `${r.plural}.${r.group}`, `${r.kind.toLowerCase()}.${r.group}`];
    if (!names.some((name) => lower === name || lower.startsWith(`${name}.`))) continue;
    const key = `${r.ecosystem}/${r.group}/${r.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const crd = catalogCrd(r);
    if (crd !== undefined) out.push(crd);
  }
  return out;
}

/** Every CRD of the catalog (for `api-resources --crd-catalog`). */
export function allCatalogCrds(): JsonValue[] {
  return [...new Set(loadIndex().resources.map((r) => r.ecosystem))].sort().flatMap(ecosystemCrds);
}

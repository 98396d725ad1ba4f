/** Builds explain's view of the bundled catalog of a Kubernetes version, plus any CRDs. */
import type { JsonValue } from '../types.js';
import { loadCatalog } from '../schema/catalog.js';
import { allCatalogCrds, catalogCrdsNamed } from '../schema/crd-catalog.js';
import { isObject } from '../parse/resources.js';
import { CatalogExplainSource } from './catalog-source.js';
import { Discovery } from './discovery.js';
import type { ExplainSource } from './model.js';

export interface ExplainApi {
  source: ExplainSource;
  discovery: Discovery;
}

const cache = new Map<string, ExplainApi>();

/** Throws when no catalog exists for the version (the caller turns that into a usage error). */
export function loadExplainApi(kubernetesVersion: string | undefined, crds: readonly JsonValue[] = []): ExplainApi {
  const key = kubernetesVersion ?? '';
  if (crds.length === 0) {
    const cached = cache.get(key);
    if (cached) return cached;
  }
  const catalog = kubernetesVersion === undefined ? loadCatalog() : loadCatalog(kubernetesVersion);
  const source = new CatalogExplainSource(catalog, crds);
  const api = { source, discovery: new Discovery(source.resources) };
  if (crds.length === 0) cache.set(key, api);
  return api;
}

/** An API made from any source (tests and callers with their own definitions). */
export function explainApiFrom(source: ExplainSource): ExplainApi {
  return { source, discovery: new Discovery(source.resources) };
}

function groupKind(crd: JsonValue): string | undefined {
  if (!isObject(crd) || !isObject(crd.spec) || !isObject(crd.spec.names)) return undefined;
  return `${String(crd.spec.group)}/${String(crd.spec.names.kind)}`;
}

/** The given CRDs, then the catalog's (all, or those a resource argument names) for kinds the given ones do not define. */
export function withCatalogCrds(crds: readonly JsonValue[], target?: string): JsonValue[] {
  const given = new Set(crds.map(groupKind));
  const catalog = target === undefined ? allCatalogCrds() : catalogCrdsNamed(target);
  return [...crds, ...catalog.filter((crd) => !given.has(groupKind(crd)))];
}

/**
 * Explain sources read straight from upstream OpenAPI documents in ../shared/openapi (tests only):
 * swagger.json (v2) and the per-group-version v3 documents kubectl itself reads. They are the
 * references the bundled catalog and our reading of v2-style schemas are checked against.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { CATEGORIES, LIMITED_VERBS, SHORT_NAMES, STANDARD_VERBS, groupResourceKey } from '../../src/explain/api-facts.js';
import type { ApiResource, ExplainSource, SchemaNode } from '../../src/explain/model.js';

export const SHARED_OPENAPI = new URL('../../../shared/openapi/', import.meta.url).pathname;

const swaggerPath = (version: string): string => `${SHARED_OPENAPI}v${version}/swagger.json`;
const v3Dir = (version: string): string => `${SHARED_OPENAPI}v${version}/v3/`;

export const hasSwagger = (version: string): boolean => existsSync(swaggerPath(version));
export const hasV3 = (version: string): boolean => existsSync(v3Dir(version));

type Json = Record<string, unknown>;

/** `#/definitions/X` and `#/components/schemas/X` → `X`, as the catalog names references. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof child === 'string' ? child.slice(child.lastIndexOf('/') + 1) : normalize(child);
  }
  return out;
}

const RESOURCE_PATH = /^\/(?:api|apis\/([^/]+))\/([^/]+)\/(?:namespaces\/\{namespace\}\/)?([^/{]+)(?:\/\{name\})?$/;

/** Adds the resources the document's paths serve, with the kind their operations declare. */
function addResources(resources: Map<string, ApiResource>, paths: Json, definitions: Json): void {
  const definitionOf = new Map<string, string>();
  for (const [name, def] of Object.entries(definitions)) {
    for (const gvk of ((def as Json)['x-kubernetes-group-version-kind'] as Json[] | undefined) ?? []) {
      definitionOf.set(`${String(gvk.group)}/${String(gvk.version)}/${String(gvk.kind)}`, name);
    }
  }
  for (const [path, operations] of Object.entries(paths)) {
    const match = RESOURCE_PATH.exec(path);
    if (!match || path.includes('/watch/')) continue;
    const [, group = '', version = '', plural = ''] = match;
    const gvk = ['get', 'post', 'put', 'patch', 'delete']
      .map((method) => ((operations as Json)[method] as Json | undefined)?.['x-kubernetes-group-version-kind'] as Json | undefined)
      .find((found) => found !== undefined);
    const kind = gvk ? String(gvk.kind) : undefined;
    const definition = kind ? definitionOf.get(`${group}/${version}/${kind}`) : undefined;
    if (!kind || !definition) continue;
    const key = `${group}/${version}/${plural}`;
    const groupResource = groupResourceKey(group, plural);
    resources.set(key, {
      group,
      version,
      kind,
      plural,
      singular: kind.toLowerCase(),
      namespaced: path.includes('{namespace}') || (resources.get(key)?.namespaced ?? false),
      shortNames: SHORT_NAMES[groupResource] ?? [],
      categories: CATEGORIES[groupResource] ?? [],
      verbs: LIMITED_VERBS[groupResource] ?? STANDARD_VERBS,
      definition,
    });
  }
}

function sourceOf(resources: Map<string, ApiResource>, definitions: Record<string, SchemaNode>): ExplainSource {
  return {
    resources: [...resources.values()],
    definition: (name) => (Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined),
  };
}

export function swaggerSource(version: string): ExplainSource {
  const doc = JSON.parse(readFileSync(swaggerPath(version), 'utf8')) as { definitions: Json; paths: Json };
  const resources = new Map<string, ApiResource>();
  addResources(resources, doc.paths, doc.definitions);
  return sourceOf(resources, normalize(doc.definitions) as Record<string, SchemaNode>);
}

export function v3Source(version: string): ExplainSource {
  const resources = new Map<string, ApiResource>();
  const definitions: Record<string, SchemaNode> = {};
  for (const file of readdirSync(v3Dir(version)).sort()) {
    const doc = JSON.parse(readFileSync(v3Dir(version) + file, 'utf8')) as { components: { schemas: Json }; paths: Json };
    addResources(resources, doc.paths, doc.components.schemas);
    Object.assign(definitions, normalize(doc.components.schemas));
  }
  return sourceOf(resources, definitions);
}

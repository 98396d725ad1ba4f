/**
 * Compares the bundled catalogs with the upstream Kubernetes OpenAPI documents in ../shared
 * (reference material, never copied into the project): every served kind, every definition and
 * every field, its type, format, enum, required flag and description.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, shortName, type Catalog, type SchemaNode } from '../src/schema/catalog.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const sharedOpenAPI = join(repoRoot, '..', 'shared', 'openapi');

interface Upstream {
  definitions: Record<string, UpstreamNode>;
  paths: Record<string, Record<string, { 'x-kubernetes-action'?: string; 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string } }>>;
}
interface UpstreamNode {
  type?: string;
  format?: string;
  $ref?: string;
  description?: string;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, UpstreamNode>;
  items?: UpstreamNode;
  additionalProperties?: UpstreamNode | boolean;
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[];
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-patch-strategy'?: string;
}

/** Definitions registered in every group-version of the scheme, including removed ones. */
const SCHEME_WIDE = new Set(['io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions', 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent']);

class Tally {
  readonly rows = new Map<string, { agree: number; total: number }>();
  readonly differences = new Map<string, string[]>();
  count(item: string, agree: boolean, detail: () => string): void {
    const row = this.rows.get(item) ?? { agree: 0, total: 0 };
    row.total++;
    if (agree) row.agree++;
    else this.differences.set(item, [...(this.differences.get(item) ?? []), detail().slice(0, 400)]);
    this.rows.set(item, row);
  }
  percent(item: string): number {
    const row = this.rows.get(item);
    return row && row.total > 0 ? (100 * row.agree) / row.total : 100;
  }
  table(): string {
    return [...this.rows].map(([item, r]) => `${item.padEnd(26)} ${String(r.agree).padStart(6)} / ${String(r.total).padEnd(6)} ${this.percent(item).toFixed(2)}%`).join('\n');
  }
}

const refName = (ref: string | undefined): string | undefined => (ref === undefined ? undefined : ref.slice(ref.lastIndexOf('/') + 1));

/** The shape of a node as kubectl would name it: `[]ServicePort`, `map[string]string`, `integer/int32`. */
function shapeOfUpstream(node: UpstreamNode | undefined): string {
  if (!node) return 'none';
  if (node.$ref) return shortName(refName(node.$ref) ?? '');
  if (node.type === 'array') return `[]${shapeOfUpstream(node.items)}`;
  if (node.type === 'object' && typeof node.additionalProperties === 'object') return `map[string]${shapeOfUpstream(node.additionalProperties)}`;
  return `${node.type ?? 'any'}${node.format ? `/${node.format}` : ''}`;
}

function shapeOfOurs(node: SchemaNode | undefined): string {
  if (!node) return 'none';
  if (node.$ref) return shortName(node.$ref);
  if (node.type === 'array') return `[]${shapeOfOurs(node.items)}`;
  if (node.type === 'object' && typeof node.additionalProperties === 'object') return `map[string]${shapeOfOurs(node.additionalProperties)}`;
  return `${node.type ?? 'any'}${node.format ? `/${node.format}` : ''}`;
}

/** Type and format after following $refs (what validation sees). */
function resolvedUpstream(doc: Upstream, node: UpstreamNode | undefined): string {
  let current = node;
  for (let i = 0; current?.$ref && i < 10; i++) current = doc.definitions[refName(current.$ref) ?? ''];
  if (!current) return 'none';
  if (current.type === 'array') return `[]${resolvedUpstream(doc, current.items)}`;
  if (current.type === 'object' && typeof current.additionalProperties === 'object') return `map[string]${resolvedUpstream(doc, current.additionalProperties)}`;
  return `${current.type ?? 'any'}${current.format ? `/${current.format}` : ''}`;
}

function resolvedOurs(catalog: Catalog, node: SchemaNode | undefined): string {
  if (!node) return 'none';
  const current = catalog.resolve(node);
  if (current.type === 'array') return `[]${resolvedOurs(catalog, current.items)}`;
  if (current.type === 'object' && typeof current.additionalProperties === 'object') return `map[string]${resolvedOurs(catalog, current.additionalProperties)}`;
  return `${current.type ?? 'any'}${current.format ? `/${current.format}` : ''}`;
}

function served(doc: Upstream): Map<string, { plural: string; namespaced: boolean }> {
  const out = new Map<string, { plural: string; namespaced: boolean }>();
  const pattern = /^\/(?:api\/v1|apis\/[^/]+\/[^/]+)\/(namespaces\/\{namespace\}\/)?([a-z0-9.-]+)(\/\{name\})?$/;
  for (const [path, item] of Object.entries(doc.paths)) {
    const m = pattern.exec(path);
    if (!m) continue;
    for (const op of Object.values(item)) {
      const gvk = op['x-kubernetes-group-version-kind'];
      if (!gvk || !['post', 'get', 'put'].includes(op['x-kubernetes-action'] ?? '')) continue;
      const key = `${gvk.group}/${gvk.version}/${gvk.kind}`;
      const prev = out.get(key);
      out.set(key, { plural: prev?.plural ?? m[2] ?? '', namespaced: (prev?.namespaced ?? false) || m[1] !== undefined });
    }
  }
  return out;
}

function compare(version: string): Tally {
  const doc = JSON.parse(readFileSync(join(sharedOpenAPI, `v${version}`, 'swagger.json'), 'utf8')) as Upstream;
  const catalog = loadCatalog(version);
  const t = new Tally();
  const upstreamResources = served(doc);
  for (const [key, info] of upstreamResources) {
    const [group = '', v = '', kind = ''] = key.split('/');
    const ours = catalog.findResource(group === '' ? v : `${group}/${v}`, kind);
    t.count('resource (GVK)', ours !== undefined, () => key);
    if (ours) t.count('resource plural+scope', ours.plural === info.plural && ours.namespaced === info.namespaced, () => `${key}: ${ours.plural}/${ours.namespaced} vs ${info.plural}/${info.namespaced}`);
  }
  for (const r of catalog.resources) {
    t.count('resource not upstream', upstreamResources.has(`${r.group}/${r.version}/${r.kind}`), () => `${r.apiVersion} ${r.kind}`);
  }
  for (const [name, up] of Object.entries(doc.definitions)) {
    const ours = catalog.definition(name);
    t.count('definition', ours !== undefined, () => name);
    if (!ours) continue;
    const gvkUp = (up['x-kubernetes-group-version-kind'] ?? []).map((g) => `${g.group}/${g.version}/${g.kind}`).sort().join(',');
    const gvkOurs = (ours['x-kubernetes-group-version-kind'] ?? []).map((g) => `${g.group}/${g.version}/${g.kind}`).sort().join(',');
    t.count(SCHEME_WIDE.has(name) ? 'gvk (scheme-wide)' : 'definition gvk', gvkUp === gvkOurs, () => `${name}: ${gvkOurs || '-'} vs ${gvkUp || '-'}`);
    t.count('definition type', `${up.type ?? ''}/${up.format ?? ''}` === `${ours.type ?? ''}/${ours.format ?? ''}`, () => `${name}: ${ours.type}/${ours.format} vs ${up.type}/${up.format}`);
    t.count('description', (up.description ?? '') === (catalog.describe(name) ?? ''), () => `${name}`);
    for (const [field, upField] of Object.entries(up.properties ?? {})) {
      const ourField = ours.properties?.[field];
      const where = `${name}.${field}`;
      t.count('field', ourField !== undefined, () => where);
      if (!ourField) continue;
      t.count('field type+format', resolvedUpstream(doc, upField) === resolvedOurs(catalog, ourField), () => `${where}: ${resolvedOurs(catalog, ourField)} vs ${resolvedUpstream(doc, upField)}`);
      t.count('field $ref name', shapeOfUpstream(upField) === shapeOfOurs(ourField), () => `${where}: ${shapeOfOurs(ourField)} vs ${shapeOfUpstream(upField)}`);
      t.count('field enum', JSON.stringify(upField.enum ?? null) === JSON.stringify(ourField.enum ?? null), () => where);
      t.count('field required', (up.required ?? []).includes(field) === (ours.required ?? []).includes(field), () => where);
      const ourText = catalog.describe(name, `/properties/${field.replace(/~/g, '~0').replace(/\//g, '~1')}`) ?? '';
      t.count('field description', (upField.description ?? '') === ourText, () => `${where}\n    ours:     ${JSON.stringify(ourText).slice(0, 160)}\n    upstream: ${JSON.stringify(upField.description ?? '').slice(0, 160)}`);
      if (ourField['x-kubernetes-list-map-keys'] || ourField['x-kubernetes-patch-merge-key']) {
        const pick = (n: UpstreamNode | SchemaNode): string => JSON.stringify([n['x-kubernetes-list-type'], n['x-kubernetes-list-map-keys'], n['x-kubernetes-patch-merge-key'], n['x-kubernetes-patch-strategy']]);
        t.count('list-map facts we claim', pick(upField) === pick(ourField), () => `${where}: ${pick(ourField)} vs ${pick(upField)}`);
      }
      if (upField['x-kubernetes-list-map-keys']) t.count('list-map keys covered', ourField['x-kubernetes-list-map-keys'] !== undefined, () => where);
    }
    for (const field of Object.keys(ours.properties ?? {})) {
      t.count('field not upstream', up.properties?.[field] !== undefined, () => `${name}.${field}`);
    }
  }
  for (const name of Object.keys(catalog.definitions)) t.count('definition not upstream', doc.definitions[name] !== undefined, () => name);
  return t;
}

/** Items that must agree exactly: what validation and explain's type column rely on. */
const STRUCTURE = [
  'resource (GVK)', 'resource plural+scope', 'resource not upstream', 'definition', 'definition gvk', 'definition type', 'field',
  'field type+format', 'field $ref name', 'field enum', 'field required', 'field not upstream', 'definition not upstream', 'list-map facts we claim',
];

/**
 * Descriptions: what the packages allow (see schemas/README.md for the remainder). These floors
 * keep a change to the build from losing text silently.
 */
const DESCRIPTION_FLOORS: Record<string, { description: number; 'field description': number }> = {
  '1.36': { description: 98.4, 'field description': 97.1 },
  '1.34': { description: 97.6, 'field description': 95.2 },
};

for (const version of ['1.36', '1.34']) {
  describe.skipIf(!existsSync(join(sharedOpenAPI, `v${version}`, 'swagger.json')))(`schema fidelity against upstream OpenAPI ${version}`, () => {
    // Read in beforeAll, not while collecting: a skipped describe still runs its body.
    let tally: Tally;
    beforeAll(() => {
      tally = compare(version);
      console.log(`\nKubernetes ${version}: catalog vs upstream swagger.json\n${tally.table()}`);
      for (const [item, list] of tally.differences) {
        console.log(`\n${item}: ${list.length} difference(s)${list.length > 12 ? ' (first 12)' : ''}\n  ${list.slice(0, Number(process.env.FIDELITY_SHOW ?? 12)).join('\n  ')}`);
      }
    });

    it.each(STRUCTURE)('agrees 100%% on %s', (item) => {
      expect(tally.differences.get(item) ?? []).toEqual([]);
    });

    it('keeps descriptions, line breaks included, at or above the recorded agreement', () => {
      const floors = DESCRIPTION_FLOORS[version];
      expect(tally.percent('description')).toBeGreaterThanOrEqual(floors?.description ?? 100);
      expect(tally.percent('field description')).toBeGreaterThanOrEqual(floors?.['field description'] ?? 100);
    });
  });
}

/**
 * Each bundled catalog has the structure of the @kubernetes/client-node package it was built from
 * (scripts/build-schemas/versions.json): the served resources with their plurals and scopes, and
 * every model as a definition with the same fields and required fields. For 1.34 and 1.36 the
 * fidelity test also compares with the upstream documents.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { availableVersions, loadCatalog } from '../src/schema/catalog.js';
import { ROOT } from './helpers/cli.js';

interface ClientModel { name: string; description: string; fields: { name: string; optional: boolean; description: string }[] }
interface ClientOperation { method: string; path: string; action: string; model: string }
interface Reader {
  readClientModels(dir: string): Promise<Map<string, ClientModel>>;
  readClientOperations(dir: string): Promise<ClientOperation[]>;
}

const VERSIONS = JSON.parse(readFileSync(join(ROOT, 'scripts/build-schemas/versions.json'), 'utf8')) as Record<string, { client: string }>;
const SOURCES = join(ROOT, 'scripts/build-schemas/sources');
const require = createRequire(join(SOURCES, 'package.json'));
/** CI installs the client packages (.ci/run); a checkout that has not is told how, not failed. */
const installed = existsSync(join(SOURCES, 'node_modules')) || process.env.CI === 'true';
const RESOURCE_PATH = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(namespaces\/\{namespace\}\/)?([a-z0-9.-]+)(\/\{name\})?$/;
/** The build's own reader of client packages (a script, so imported by path). */
const READER = '../scripts/build-schemas/read-client-node.mjs';
const CLASS = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/;

if (!installed) console.log('client packages not installed: npm ci --prefix scripts/build-schemas/sources');

describe.skipIf(!installed).each(availableVersions())('Kubernetes %s against its client package', (version) => {
  let loaded: Promise<{ models: Map<string, ClientModel>; operations: ClientOperation[] }> | undefined;
  const load = (): Promise<{ models: Map<string, ClientModel>; operations: ClientOperation[] }> => {
    loaded ??= (async () => {
      const reader = (await import(READER)) as Reader;
      const dir = dirname(require.resolve(`${VERSIONS[version]?.client}/package.json`));
      return { models: await reader.readClientModels(dir), operations: await reader.readClientOperations(dir) };
    })();
    return loaded;
  };

  it('serves the resources its API classes create, read or replace, with their plurals and scopes', async () => {
    const { operations } = await load();
    const fromClient = new Set<string>();
    for (const op of operations) {
      const m = RESOURCE_PATH.exec(op.path);
      if (!m || !['post', 'get', 'put'].includes(op.action) || op.method.startsWith('get') || !/^[A-Z]/.test(op.model)) continue;
      if (/List$|^V1Status$/.test(op.model)) continue;
      fromClient.add(`${m[1] ?? `${m[2]}/${m[3]}`} ${m[5]} ${m[4] ? 'namespaced' : 'cluster'}`);
    }
    const catalog = new Set(loadCatalog(version).resources.map((r) => `${r.apiVersion} ${r.plural} ${r.namespaced ? 'namespaced' : 'cluster'}`));
    expect([...catalog].filter((r) => !fromClient.has(r))).toEqual([]);
    expect([...fromClient].filter((r) => !catalog.has(r))).toEqual([]);
  }, 60_000);

  it('has every model as a definition with the same fields and required fields', async () => {
    const { models } = await load();
    const definitions = loadCatalog(version).definitions;
    const byTail = new Map<string, string[]>();
    for (const name of Object.keys(definitions)) {
      const tail = name.split('.').slice(-2).join('.');
      byTail.set(tail, [...(byTail.get(tail) ?? []), name]);
    }
    const wrong: string[] = [];
    for (const model of models.values()) {
      const parsed = CLASS.exec(model.name);
      if (!parsed) continue;
      const fields = model.fields.map((f) => f.name).sort().join(',');
      const required = model.fields.filter((f) => !f.optional).map((f) => f.name).sort().join(',');
      const prefix = parsed[1]?.toLowerCase();
      const candidates = (byTail.get(`${parsed[2]?.toLowerCase()}.${parsed[3]}`) ?? []).filter((name) => !prefix || name.split('.').at(-3) === prefix);
      const match = candidates.find((name) => Object.keys(definitions[name]?.properties ?? {}).sort().join(',') === fields);
      if (!match) {
        wrong.push(`${model.name}: no definition with fields ${fields}`);
        continue;
      }
      const catalogRequired = [...(definitions[match]?.required ?? [])].sort().join(',');
      if (catalogRequired !== required) wrong.push(`${model.name} (${match}): required ${catalogRequired}, client ${required}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('keeps the words of every description the client package has (line breaks from kubernetes-models)', async () => {
    const { models } = await load();
    const catalog = loadCatalog(version);
    const flat = (text: string): string => text.replace(/\s+/g, ' ').trim();
    const texts = new Set<string>();
    let withBreaks = 0;
    let total = 0;
    for (const [name, def] of Object.entries(catalog.definitions)) {
      const pointers = ['', ...Object.keys(def.properties ?? {}).map((p) => `/properties/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`)];
      for (const pointer of pointers) {
        const text = catalog.describe(name, pointer);
        if (!text) continue;
        texts.add(flat(text));
        total++;
        if (text.includes('\n')) withBreaks++;
      }
    }
    const client = [...models.values()].flatMap((m) => [m.description, ...m.fields.map((f) => f.description)]).filter(Boolean).map(flat);
    const missing = [...new Set(client)].filter((t) => !texts.has(t));
    console.log(`Kubernetes ${version}: ${total} descriptions, ${withBreaks} with line breaks; ${missing.length} of the client's ${new Set(client).size} texts not found word for word`);
    // The few left are $ref fields where the client repeats the referenced type's text.
    expect(missing.length).toBeLessThanOrEqual(5);
  }, 60_000);
});

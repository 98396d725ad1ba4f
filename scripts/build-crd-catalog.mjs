#!/usr/bin/env node
/**
 * Builds the bundled CRD catalog in schemas/crd-catalog/ from the pinned `@kubernetes-models/*`
 * packages (see the "CRD catalog" section of schemas/README.md).
 *
 *   node scripts/build-crd-catalog.mjs           regenerate schemas/crd-catalog/
 *   node scripts/build-crd-catalog.mjs --check   regenerate into a temporary folder and compare
 *
 * Output: `index.json` (every kind: group, version, kind, names, scope, ecosystem; what a lint run
 * reads first, and only when it meets a custom resource nobody gave a schema for) and one
 * `<ecosystem>.json.gz` per package: the CustomResourceDefinitions, one per kind, with every
 * version the package has, read at run time by the same code as CRDs given by the user.
 */
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeclarationReader } from './build-crd-catalog/read-dts.mjs';
import { SchemaConverter } from './build-crd-catalog/convert.mjs';
import { DEFAULTED_REQUIRED, ECOSYSTEMS, NOT_KINDS, namesOf } from './build-crd-catalog/facts.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
// The @kubernetes-models packages are a project of their own (`npm ci --prefix scripts/build-crd-catalog/sources`),
// so that installing k8s-lint does not download them; what they import resolves there too.
const sourcesRequire = createRequire(join(root, 'scripts', 'build-crd-catalog', 'sources', 'package.json'));
const BUILT_IN_STRUCTURE = join(root, 'schemas', '1.36', 'structure.json');

function packageDir(name) {
  let found;
  try {
    found = sourcesRequire.resolve(`${name}/package.json`);
  } catch {
    throw new Error(`${name} is not installed: run npm ci --prefix scripts/build-crd-catalog/sources`);
  }
  return dirname(found);
}

/** `kubernetes-models/v1/PodSpec` → the file's path without extension. */
function resolvePackage(specifier) {
  const [scopeOrName, ...rest] = specifier.split('/');
  const name = scopeOrName.startsWith('@') ? `${scopeOrName}/${rest.shift()}` : scopeOrName;
  return join(packageDir(name), ...rest);
}

/** `<group>/<version>/<Kind>.d.ts` files whose interface is a kind (literal apiVersion and kind), Lists left out. */
async function kindFiles(dir) {
  const out = [];
  for (const group of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() && e.name.includes('.') && !e.name.startsWith('_'))) {
    for (const version of (await readdir(join(dir, group.name), { withFileTypes: true })).filter((e) => e.isDirectory())) {
      const vdir = join(dir, group.name, version.name);
      for (const name of (await readdir(vdir)).filter((n) => n.endsWith('.d.ts') && n !== 'index.d.ts').sort()) {
        const text = await readFile(join(vdir, name), 'utf8');
        const kind = /^\s*"kind": "([A-Za-z0-9]+)";/m.exec(text)?.[1];
        const apiVersion = /^\s*"apiVersion": "([^"]+)";/m.exec(text)?.[1];
        if (!kind || !apiVersion || `${kind}.d.ts` !== name) continue;
        if (kind.endsWith('List') && /^\s*"items": /m.test(text)) continue;
        out.push({ path: join(vdir, name), group: group.name, version: version.name, kind, apiVersion });
      }
    }
  }
  return out;
}

/**
 * The kind's schema as a CRD root: `apiVersion`, `kind` and `metadata` are not required (the API
 * server sets or checks them itself); with `openSpec` (projects that install CRDs whose spec and
 * status keep unknown fields) unknown fields there are kept, and only the declared ones are checked.
 */
/** Every object below a node keeps unknown fields. */
function keepUnknown(node) {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  // Kubernetes types inside (a template's container) are as open as the rest.
  const ref = node.$ref ?? node.allOf?.[0]?.$ref;
  if (ref !== undefined) return { ...(node.description ? { description: node.description } : {}), 'x-kubernetes-preserve-unknown-fields': true };
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, keepUnknown(child)]));
    else if (key === 'items' || key === 'additionalProperties') out[key] = keepUnknown(value);
    else if (key === 'allOf') out[key] = value.map(keepUnknown);
    else out[key] = value;
  }
  if (out.type === 'object' && out.properties) out['x-kubernetes-preserve-unknown-fields'] = true;
  return out;
}

/** A copy without the given names in any `required` list. */
function withoutRequired(node, names) {
  if (names.size === 0 || node === null || typeof node !== 'object') return node;
  if (Array.isArray(node)) return node.map((child) => withoutRequired(child, names));
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'required' && Array.isArray(value)) {
      const kept = value.filter((name) => !names.has(name));
      if (kept.length > 0) out[key] = kept;
    } else out[key] = typeof value === 'object' ? withoutRequired(value, names) : value;
  }
  return out;
}

function rootSchema(schema, description, openSpec) {
  const required = (schema.required ?? []).filter((name) => !['apiVersion', 'kind', 'metadata'].includes(name));
  const properties = { ...schema.properties };
  if (openSpec) {
    for (const name of ['spec', 'status']) if (properties[name]) properties[name] = keepUnknown(properties[name]);
  }
  const { required: _required, properties: _properties, ...rest } = schema;
  return { ...(description ? { description } : {}), ...rest, properties, ...(required.length > 0 ? { required } : {}) };
}

async function buildEcosystem(ecosystem, reader) {
  const dir = packageDir(ecosystem.package);
  const converter = new SchemaConverter(reader);
  const crds = new Map();
  for (const entry of await kindFiles(dir)) {
    if (entry.apiVersion !== `${entry.group}/${entry.version}`) continue;
    if (NOT_KINDS.has(`${entry.group}/${entry.kind}`)) continue;
    const file = reader.file(entry.path);
    const decl = file.decls.get(`I${entry.kind}`);
    if (!decl) continue;
    const schema = converter.declaration(file, decl, `${/export type \{ I\w+ as I(\w+)/.exec(file.text)?.[1] ?? entry.kind}`);
    const description = reader.description(file, decl);
    const names = namesOf(entry.group, entry.kind);
    const key = `${entry.group}/${entry.kind}`;
    let crd = crds.get(key);
    if (!crd) {
      crd = {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: `${names.plural}.${entry.group}` },
        spec: { group: entry.group, names: { kind: entry.kind, plural: names.plural, singular: names.singular, ...(names.shortNames.length > 0 ? { shortNames: names.shortNames } : {}) }, scope: names.scope, versions: [] },
      };
      crds.set(key, crd);
    }
    const openAPIV3Schema = withoutRequired(rootSchema(schema, description, ecosystem.openSpec === true), new Set(DEFAULTED_REQUIRED[entry.group] ?? []));
    crd.spec.versions.push({
      name: entry.version,
      served: true,
      storage: false,
      schema: { openAPIV3Schema },
      // The API server ignores `status` on create when the status subresource is on, as it is for these kinds.
      ...(schema.properties?.status ? { subresources: { status: {} } } : {}),
    });
  }
  return { crds: [...crds.values()].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)), stats: converter.stats };
}

async function packageVersion(name) {
  return JSON.parse(await readFile(join(packageDir(name), 'package.json'), 'utf8')).version;
}

async function buildAll(outDir) {
  const ts = require('typescript');
  const builtIn = JSON.parse(await readFile(BUILT_IN_STRUCTURE, 'utf8')).definitions;
  const reader = new DeclarationReader(ts, builtIn, resolvePackage);
  const index = { format: 1, sources: [], resources: [] };
  const written = [];
  await mkdir(outDir, { recursive: true });
  const seen = new Set();
  for (const ecosystem of ECOSYSTEMS) {
    const { crds, stats } = await buildEcosystem(ecosystem, reader);
    index.sources.push(`${ecosystem.package}@${await packageVersion(ecosystem.package)}`);
    const kept = [];
    for (const crd of crds) {
      if (seen.has(crd.metadata.name)) continue;
      seen.add(crd.metadata.name);
      kept.push(crd);
      for (const v of crd.spec.versions) {
        const { kind, plural, singular, shortNames = [] } = crd.spec.names;
        index.resources.push({ ecosystem: ecosystem.id, group: crd.spec.group, version: v.name, kind, plural, singular, shortNames, namespaced: crd.spec.scope === 'Namespaced' });
      }
    }
    const file = `${ecosystem.id}.json.gz`;
    await writeFile(join(outDir, file), gzipSync(`${JSON.stringify(kept)}\n`, { level: 9 }));
    written.push(file);
    process.stderr.write(`${ecosystem.id}: ${kept.length} kinds, ${stats.open} open and ${stats.recursive} recursive fields\n`);
  }
  if (reader.unresolved.size > 0) process.stderr.write(`unresolved types (left open): ${[...reader.unresolved].slice(0, 10).join(', ')}\n`);
  index.resources.sort((a, b) => a.group.localeCompare(b.group) || a.kind.localeCompare(b.kind) || a.version.localeCompare(b.version));
  await writeFile(join(outDir, 'index.json'), `{"format":1,"sources":${JSON.stringify(index.sources)},"resources":[\n${index.resources.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`);
  written.push('index.json');
  return written;
}

async function check() {
  const temp = await mkdtemp(join(tmpdir(), 'k8s-lint-crd-catalog-'));
  try {
    const files = await buildAll(temp);
    const committed = join(root, 'schemas', 'crd-catalog');
    const read = async (path) => {
      if (!existsSync(path)) return undefined;
      const bytes = await readFile(path);
      return path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
    };
    const stale = [];
    for (const file of files) if ((await read(join(temp, file))) !== (await read(join(committed, file)))) stale.push(file);
    for (const name of existsSync(committed) ? await readdir(committed) : []) if (!files.includes(name)) stale.push(`${name} (no longer built)`);
    if (stale.length > 0) {
      process.stderr.write(`schemas/crd-catalog/ is stale: ${stale.join(', ')}. Run: node scripts/build-crd-catalog.mjs\n`);
      return 1;
    }
    process.stderr.write('schemas/crd-catalog/ is up to date\n');
    return 0;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function main(args) {
  if (args.includes('--check')) return check();
  const out = join(root, 'schemas', 'crd-catalog');
  await rm(out, { recursive: true, force: true });
  await buildAll(out);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`build-crd-catalog: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);

#!/usr/bin/env node
/**
 * Builds the bundled schema catalogs in schemas/ from pinned npm packages (see schemas/README.md),
 * and src/k8s/served-apis.ts (which bundled minors serve each kind) from those catalogs.
 *
 *   node scripts/build-schemas.mjs                 regenerate every version in scripts/build-schemas/versions.json
 *   node scripts/build-schemas.mjs --check         regenerate into a temporary folder and compare with schemas/ (and served-apis.ts)
 *   node scripts/build-schemas.mjs --add 1.37=@kubernetes/client-node@2.1.0
 *                                                  install that client under an alias, record it, and build
 *
 * The client packages are installed in scripts/build-schemas/sources (npm ci --prefix there).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assembleDocument } from './build-schemas/assemble.mjs';
import { FORMATS_OF_RETIRED_FIELDS } from './build-schemas/facts.mjs';
import { servedModule } from './build-schemas/served-module.mjs';
import { formatLookup, readClientFormats, readClientModels, readClientOperations } from './build-schemas/read-client-node.mjs';
import { readLineBrokenDescriptions, readModelDefinitions, readTypesDefinitions } from './build-schemas/read-models.mjs';
import { serializeCatalog, serializeDelta, splitCatalog } from './build-schemas/write-catalog.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const versionsFile = join(root, 'scripts/build-schemas/versions.json');
const servedModuleFile = join(root, 'src/k8s/served-apis.ts');
const require = createRequire(join(root, 'package.json'));
/**
 * The client packages live in a project of their own (scripts/build-schemas/sources), installed by
 * CI and by `--install`: at about 50 MB each they have no place in every install of k8s-lint.
 */
const sourcesDir = join(root, 'scripts/build-schemas/sources');
const sourcesRequire = createRequire(join(sourcesDir, 'package.json'));
const DESCRIPTION_PACKAGES = ['kubernetes-models', '@kubernetes-models/apimachinery', 'kubernetes-types'];

function packageDir(name) {
  if (name.startsWith('k8s-client-')) {
    try {
      return dirname(sourcesRequire.resolve(`${name}/package.json`));
    } catch {
      throw new Error(`${name} is not installed; run: npm ci --prefix scripts/build-schemas/sources`);
    }
  }
  return dirname(require.resolve(`${name}/package.json`));
}

async function packageVersion(name) {
  return JSON.parse(await readFile(join(packageDir(name), 'package.json'), 'utf8')).version;
}

/** The run-time modules the build shares (converter, ajv configuration), in src/schema/. */
const SHARED_MODULES = ['from-openapi.ts', 'catalog-types.ts', 'to-json-schema.ts', 'formats.ts', 'ajv-setup.ts', 'bundled-files.ts'];

/**
 * The shared code is TypeScript; transpile it on the fly so this script needs no prior build.
 * The copy goes under node_modules/.cache so that its `ajv` import resolves to the project's.
 */
async function loadSharedModules() {
  const ts = require('typescript');
  await mkdir(join(root, 'node_modules/.cache'), { recursive: true });
  const out = await mkdtemp(join(root, 'node_modules/.cache/k8s-lint-build-'));
  try {
    for (const file of SHARED_MODULES) {
      const source = await readFile(join(root, 'src/schema', file), 'utf8');
      const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } });
      await writeFile(join(out, file.replace(/\.ts$/, '.js')), outputText);
    }
    const load = (name) => import(pathToFileURL(join(out, name)).href);
    return { ...(await load('from-openapi.js')), ...(await load('ajv-setup.js')), ...(await load('to-json-schema.js')), ...(await load('bundled-files.js')) };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * ajv standalone code for every served kind of a catalog, with the run-time ajv configuration.
 * Exports `v<i>` validate `definitions[i]`; formats come in as `__k8sFormats` (see precompiled.ts).
 */
function precompiledCode(catalog, shared) {
  const { _ } = require('ajv');
  const standaloneCode = require('ajv/dist/standalone').default;
  const registry = shared.newAjv(catalog.definitions, { code: { source: true, formats: _`__k8sFormats` } });
  const definitions = [...new Set(catalog.resources.map((r) => r.definition))].sort();
  for (const name of definitions) registry.register(name);
  const ajv = registry.ajv;
  const refs = Object.fromEntries(definitions.map((name, i) => [`v${i}`, shared.definitionRef(name)]));
  return `${standaloneCode(ajv, refs)}\nexports.definitions = ${JSON.stringify(definitions)};\n`;
}

async function buildVersion(version, entry, shared, converter, formatOf) {
  const clientDir = packageDir(entry.client);
  const models = await readClientModels(clientDir, formatOf);
  const operations = await readClientOperations(clientDir);
  const document = assembleDocument({ models, operations, ...shared });
  const catalog = converter.catalogFromOpenAPI(document, version);
  const sources = [`@kubernetes/client-node@${await packageVersion(entry.client)}`];
  for (const name of DESCRIPTION_PACKAGES) sources.push(`${name}@${await packageVersion(name)}`);
  return { catalog, sources, validators: precompiledCode(catalog, converter) };
}

async function writeVersion(outDir, version, structure, descriptions, validators) {
  await mkdir(join(outDir, version), { recursive: true });
  await writeFile(join(outDir, version, 'structure.json'), structure);
  await writeFile(join(outDir, version, 'descriptions.json'), descriptions);
  await writeFile(join(outDir, version, 'validators.js.gz'), gzipSync(validators, { level: 9 }));
  return [`${version}/structure.json`, `${version}/descriptions.json`, `${version}/validators.js.gz`];
}

/** The run-time reader (src/schema/bundled-files.ts) must give back exactly the catalog just built. */
function verifyReadBack(shared, outDir, version, catalog, split) {
  const structure = shared.readStructure(outDir, version);
  const canonical = (value) => JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
  const same = (a, b) => canonical(a) === canonical(b);
  if (!same(structure.definitions, split.definitions) || !same(structure.resources, catalog.resources)) {
    throw new Error(`${version}: the structure read back from schemas/ differs from the catalog built`);
  }
  const descriptions = shared.readDescriptions(outDir, version);
  for (const name of Object.keys(split.definitions)) {
    if (!same(descriptions[name] ?? {}, split.descriptions[name] ?? {})) throw new Error(`${version}: descriptions of ${name} read back differ`);
  }
}

async function buildAll(outDir) {
  const versions = JSON.parse(await readFile(versionsFile, 'utf8'));
  const converter = await loadSharedModules();
  const modelDirs = DESCRIPTION_PACKAGES.slice(0, 2).map(packageDir);
  const modelDefs = await readModelDefinitions(modelDirs);
  const { lineBroken, typeDocs } = await readLineBrokenDescriptions(DESCRIPTION_PACKAGES.map(packageDir));
  const typesDefs = await readTypesDefinitions(packageDir('kubernetes-types'));
  const shared = { modelDefs, typesDefs, lineBroken, typeDocs };
  const written = [];
  // Newest first: the newest version is stored whole, each older one as its differences from the
  // next newer one (see write-catalog.mjs).
  const ordered = Object.keys(versions).sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
  // The 0.x client line records no OpenAPI formats; the 1.x packages supply them (newest first).
  const formatMaps = [FORMATS_OF_RETIRED_FIELDS];
  for (const version of ordered) formatMaps.push(await readClientFormats(packageDir(versions[version].client)));
  const { formatOf, misses } = formatLookup(formatMaps);
  let newer;
  const served = [];
  for (const version of ordered) {
    const started = performance.now();
    // Every bundled version gets precompiled validators (about 130 kB gzipped each): compiling a
    // workload's validator at run time costs several hundred milliseconds.
    const { catalog, sources, validators } = await buildVersion(version, versions[version], shared, converter, formatOf);
    const { structure, descriptions } = newer === undefined ? serializeCatalog(catalog, sources) : serializeDelta(catalog, sources, newer.split, newer.version);
    newer = { version, split: splitCatalog(catalog) };
    served.push({ version, resources: catalog.resources });
    written.push(...(await writeVersion(outDir, version, structure, descriptions, validators)));
    verifyReadBack(converter, outDir, version, catalog, newer.split);
    process.stderr.write(`built ${version} in ${Math.round(performance.now() - started)} ms\n`);
  }
  if (misses.length > 0) process.stderr.write(`no OpenAPI format found for ${misses.length} number field(s) of 0.x clients: ${[...new Set(misses)].sort().join(', ')}\n`);
  return { written, servedModule: servedModule(served) };
}

async function check() {
  const temp = await mkdtemp(join(tmpdir(), 'k8s-lint-schemas-'));
  try {
    const { written: files, servedModule: module } = await buildAll(temp);
    const stale = [];
    if ((await readFile(servedModuleFile, 'utf8').catch(() => '')) !== module) stale.push('src/k8s/served-apis.ts');
    // Compressed files are compared by content: zlib builds may differ in the bytes they write.
    const read = async (path) => {
      const bytes = await readFile(path).catch(() => undefined);
      return bytes && path.endsWith('.gz') ? gunzipSync(bytes).toString('utf8') : bytes?.toString('utf8');
    };
    for (const file of files) {
      if ((await read(join(temp, file))) !== (await read(join(root, 'schemas', file)))) stale.push(file);
    }
    const committedVersions = (await readdir(join(root, 'schemas'), { withFileTypes: true })).filter((e) => e.isDirectory() && e.name !== 'crd-catalog').map((e) => e.name);
    for (const version of committedVersions) if (!files.some((f) => f.startsWith(`${version}/`))) stale.push(`${version}/ (no longer built)`);
    if (stale.length > 0) {
      process.stderr.write(`schemas/ is stale: ${stale.join(', ')}. Run: node scripts/build-schemas.mjs\n`);
      return 1;
    }
    process.stderr.write('schemas/ is up to date\n');
    return 0;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function add(argument) {
  const match = /^(\d+\.\d+)=(.+)$/.exec(argument ?? '');
  if (!match) throw new Error('--add expects VERSION=PACKAGE-SPEC, e.g. --add 1.37=@kubernetes/client-node@2.1.0');
  const [, version, spec] = match;
  const alias = `k8s-client-${version.replace('.', '-')}`;
  execFileSync('npm', ['install', '--save-exact', `${alias}@npm:${spec}`], { cwd: sourcesDir, stdio: 'inherit' });
  const versions = JSON.parse(await readFile(versionsFile, 'utf8'));
  versions[version] = { client: alias, spec };
  const sorted = Object.fromEntries(Object.keys(versions).sort().map((k) => [k, versions[k]]));
  await writeFile(versionsFile, `${JSON.stringify(sorted, null, 2)}\n`);
}

async function main(args) {
  if (args.includes('--check')) return check();
  const addIndex = args.indexOf('--add');
  if (addIndex >= 0) await add(args[addIndex + 1]);
  const { servedModule: module } = await buildAll(join(root, 'schemas'));
  await writeFile(servedModuleFile, module);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`build-schemas: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);

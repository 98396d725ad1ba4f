#!/usr/bin/env node
/**
 * Long run of the property that validating a custom resource by walking its CRD's schema gives
 * exactly the errors of ajv's compiled code (run `npm run build` first):
 *
 *   npm run fuzz:schema -- [--runs N] [--seed S]
 *
 * Cases: random CRD-style schemas with values drawn from them and bent (half the runs), and the
 * real CRDs of fixtures/, ../shared/corpus, ../shared/corpus-large and the bundled CRD catalog
 * with their custom resources and generated values (the other half). Prints the number of cases
 * and values, how many schemas the walk took, and the time; exits 1 with the case on a difference.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomSchema, randomSource, valueFor } from '../test/schema-cases.mjs';
import { schemaComparer } from '../test/schema-agreement.mjs';
import { catalogSchemas, crdSchemasIn } from '../test/schema-sources.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
function flag(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? Number(process.argv[i + 1]) : fallback;
}
const runs = flag('--runs', 100000);
const seed = flag('--seed', Date.now() % 2147483647);
if (!existsSync(join(ROOT, 'dist', 'schema', 'interpreted.js'))) {
  process.stderr.write('k8s-lint fuzz:schema: dist/ is missing; run npm run build first\n');
  process.exit(2);
}
const dist = (path) => import(join(ROOT, 'dist', path));
const [{ newAjv }, { interpretedValidator, definitionWalker }, toJson, { loadCatalog, defaultVersion, catalogFromCRD }, { expandInputs }, { crdObjectsIn }, { parseYaml }, { allCatalogCrds }] = await Promise.all([
  dist('schema/ajv-setup.js'), dist('schema/interpreted.js'), dist('schema/to-json-schema.js'), dist('schema/catalog.js'),
  dist('input/files.js'), dist('engine/crd-objects.js'), dist('parse/parse-yaml.js'), dist('schema/crd-catalog.js'),
]);
const compare = schemaComparer({ newAjv, interpretedValidator, definitionWalker, definitionToJsonSchema: toJson.definitionToJsonSchema }, loadCatalog(defaultVersion()).definitions);
const sourceModules = { expandInputs, crdObjectsIn, parseYaml, catalogFromCRD, definitionToJsonSchema: toJson.definitionToJsonSchema, allCatalogCrds };

const started = performance.now();
const real = [
  ...crdSchemasIn(sourceModules, [join(ROOT, 'fixtures'), join(ROOT, '..', 'shared', 'corpus'), join(ROOT, '..', 'shared', 'corpus-large')]),
  ...catalogSchemas(sourceModules),
];
// Real definitions are walked as the checker walks them (one subject each, so its validators are kept).
for (const entry of real) entry.subject = { name: entry.name, node: entry.node, structural: { branch: false } };
const prepared = performance.now() - started;

let cases = 0;
let values = 0;
let taken = 0;
let realCases = 0;
for (let i = 0; i < runs; i++) {
  const caseSeed = (seed + i) >>> 0;
  const r = randomSource(caseSeed);
  let subject;
  let sample;
  if (i % 2 === 0 || real.length === 0) {
    // CRD schemas (structural) and built-in-style ones (unknown fields closed everywhere), walked
    // as the checker walks them; every eighth case walks the whole converted schema instead.
    const node = randomSchema(r);
    const structural = i % 4 === 0 ? { branch: false } : undefined;
    const schema = toJson.nodeToJsonSchema(node, true, structural);
    subject = i % 8 === 2 ? { schema } : { name: 'io.example.v1.Case', node, structural };
    sample = Array.from({ length: 6 }, () => valueFor(schema, r));
  } else {
    const entry = real[(i >> 1) % real.length];
    subject = entry.subject;
    // Each real schema's own resources once, then values generated from it.
    sample = [...(i >> 1 < real.length ? entry.resources : []), ...Array.from({ length: 6 }, () => valueFor(entry.schema, r))];
    realCases++;
  }
  const result = compare(subject, sample, i % 2 === 1);
  cases++;
  values += sample.length;
  if (result.took) taken++;
  if (result.diff) {
    process.stderr.write(`disagreement at case ${i} (--seed ${seed}, case seed ${caseSeed}):\n${result.diff}\n`);
    process.exit(1);
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(
  `${cases} cases (${realCases} on ${real.length} real CRD schemas, read in ${(prepared / 1000).toFixed(1)} s), ${values} values: ` +
    `the walk took ${taken} schemas (${((100 * taken) / cases).toFixed(1)} %) and agreed with compiled code on every value; ` +
    `seed ${seed}, ${seconds.toFixed(1)} s`,
);

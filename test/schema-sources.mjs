/**
 * Real CRD schemas for the agreement of the schema walk with compiled code: the CRDs found in some
 * folders with the custom resources found beside them, and the bundled CRD catalog. Shared by
 * test/interpreted.test.ts and scripts/fuzz-schema.mjs; `modules` holds the project's functions
 * (from src/ or dist/).
 */
import { existsSync } from 'node:fs';

/**
 * Every served version of the CRDs in `dirs` (those that exist), as converted schemas with the
 * custom resources of that kind found in the same folders: [{ name, node, schema, resources }]
 * (`node` the catalog definition, `schema` its conversion).
 */
export function crdSchemasIn(modules, dirs) {
  const { expandInputs, crdObjectsIn, parseYaml, catalogFromCRD, definitionToJsonSchema } = modules;
  const present = dirs.filter((d) => existsSync(d));
  if (present.length === 0) return [];
  const { files } = expandInputs(present, { markdown: false, commands: false });
  const objects = [];
  for (const file of files) {
    if (file.language !== 'yaml') continue;
    for (const doc of parseYaml(file.path, file.text).documents) {
      if (doc.value && typeof doc.value === 'object' && !Array.isArray(doc.value)) objects.push(doc.value);
    }
  }
  return fromCrds(modules, crdObjectsIn(files), objects);
}

/** The schemas of the CRD catalog's kinds (no custom resources: values are generated). */
export function catalogSchemas(modules, limit = Infinity) {
  return fromCrds(modules, modules.allCatalogCrds().slice(0, limit), []);
}

function fromCrds({ catalogFromCRD, definitionToJsonSchema }, crds, objects) {
  const out = [];
  const seen = new Set();
  for (const crd of crds) {
    const data = catalogFromCRD(crd);
    for (const r of data.resources) {
      if (seen.has(r.definition)) continue;
      seen.add(r.definition);
      const node = data.definitions[r.definition];
      const schema = definitionToJsonSchema(r.definition, node, true, { branch: false });
      const resources = objects.filter((o) => o.apiVersion === r.apiVersion && o.kind === r.kind);
      out.push({ name: r.definition, node, schema, resources });
    }
  }
  return out;
}

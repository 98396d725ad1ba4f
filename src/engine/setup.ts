import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandInputs } from '../input/files.js';
import { UsageError } from '../input/usage-error.js';
import { crdObjectsIn } from './crd-objects.js';
import type { LintOptions } from './options.js';
import type { JsonValue } from '../types.js';

export { crdObjectsIn };

/** Reads `--crds` paths (files or directories). A path that does not exist is a usage error. */
export function crdObjectsFrom(paths: readonly string[]): JsonValue[] {
  if (paths.length === 0) return [];
  const { files } = expandInputs(paths, { markdown: false, commands: false });
  const crds = crdObjectsIn(files);
  if (crds.length === 0) throw new UsageError(`no CustomResourceDefinition found in ${paths.join(', ')}`);
  return crds;
}

/** Reads `--schema` OpenAPI documents: a v2 dump, a v3 document, or a directory of v3 documents. */
function openApiDocuments(paths: readonly string[]): JsonValue[] {
  const docs: JsonValue[] = [];
  for (const path of paths) {
    let files: string[];
    try {
      files = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((n) => n.endsWith('.json'))
            .sort()
            .map((n) => join(path, n))
        : [path];
    } catch {
      throw new UsageError(`${path}: no such file or directory`);
    }
    for (const file of files) {
      try {
        docs.push(JSON.parse(readFileSync(file, 'utf8')) as JsonValue);
      } catch (error) {
        throw new UsageError(`${file}: not an OpenAPI JSON document (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  }
  return docs;
}

/** Fails early, with one sentence, on a Kubernetes version that has no bundled catalog. */
export async function checkSchemaOptions(options: LintOptions): Promise<void> {
  const version = options.kubernetesVersion;
  if (options.schema === false || version === undefined) return;
  const { availableVersions, bundledRange, normalizeVersion } = await import('../schema/catalog.js');
  if (!availableVersions().includes(normalizeVersion(version))) {
    throw new UsageError(`Kubernetes ${version} has no bundled schemas (bundled: ${bundledRange()}; k8s-lint versions lists them)`);
  }
}

/**
 * Completes lint options the way the CLI runs: the schema stage is created here (and only here),
 * so that library users get the same checks as the command line. The schema module, ajv and the
 * catalogs are imported only when a schema check is going to run.
 */
export async function defaultLintOptions(options: LintOptions = {}): Promise<LintOptions> {
  if (options.schema === false || options.schemaStage) return { ...options };
  await checkSchemaOptions(options);
  const { createSchemaStage, catalogFromOpenAPI } = await import('../schema/index.js');
  const version = options.kubernetesVersion;
  const crds = [...(options.crdObjects ?? []), ...crdObjectsFrom(options.crds ?? [])];
  const documents = openApiDocuments(options.schemaFiles ?? []);
  const extraCatalogs = documents.length > 0 ? [catalogFromOpenAPI(documents, 'cluster')] : [];
  const schemaStage = await createSchemaStage({
    ...(version !== undefined ? { kubernetesVersion: version } : {}),
    strict: options.strict !== false,
    crds,
    extraCatalogs,
    requireSchemas: options.requireSchemas === true,
    crdCatalog: options.crdCatalog !== false,
  });
  return { ...options, schemaStage };
}

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expandInputs } from '../input/files.js';
import { UsageError } from '../input/usage-error.js';
import type { LintOptions } from './options.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { isObject, resourcesOf } from '../parse/resources.js';
import type { JsonValue, SourceFile } from '../types.js';

const CRD_KIND = 'CustomResourceDefinition';

/** A document that declares a CRD, as the cheap test before a file is parsed for one. */
const CRD_LINE = /^[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?CustomResourceDefinition\b/m;

/**
 * The CustomResourceDefinition objects in some already-read files, each once: the same CRD
 * vendored into several directories is parsed once and compiled once per checker.
 */
export function crdObjectsIn(files: readonly SourceFile[]): JsonValue[] {
  const out: JsonValue[] = [];
  const seenTexts = new Set<string>();
  const seenObjects = new Set<string>();
  for (const file of files) {
    if (!file.text.includes(CRD_KIND) || !CRD_LINE.test(file.text) || seenTexts.has(file.text)) continue;
    seenTexts.add(file.text);
    for (const r of resourcesOf(file.path, parseYaml(file.path, file.text).documents)) {
      if (r.kind !== CRD_KIND || !isObject(r.object)) continue;
      const key = JSON.stringify(r.object);
      if (seenObjects.has(key)) continue;
      seenObjects.add(key);
      out.push(r.object);
    }
  }
  return out;
}

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
  const { availableVersions, normalizeVersion } = await import('../schema/catalog.js');
  if (!availableVersions().includes(normalizeVersion(version))) {
    throw new UsageError(`Kubernetes ${version} has no bundled schemas (available: ${availableVersions().join(', ')})`);
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
  });
  return { ...options, schemaStage };
}

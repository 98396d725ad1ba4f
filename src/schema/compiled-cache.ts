/**
 * Validators of definitions that have no precompiled code (CRDs, the user's own OpenAPI documents),
 * compiled once per content and kept on disk: a repository linted twice compiles nothing the second
 * time. Compiling a large CRD's schema is the costliest step of a CRD-heavy run.
 *
 * A validator is ajv standalone code, the same kind of code as the bundled precompiled validators
 * (see precompiled.ts), generated from the definition's JSON Schema and those it refers to. The file
 * name is a hash of exactly what the code depends on: those schemas, the ajv version and options,
 * and the formats' types. Any failure to read or write the cache is ignored; it only ever changes
 * how fast the same validator is made. `K8S_LINT_CACHE_DIR=off` turns it off.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { AJV_OPTIONS, newAjv, type AjvRegistry } from './ajv-setup.js';
import type { SchemaNode } from './catalog-types.js';
import { cacheDir, compileCached, writeCacheFile } from './code-cache.js';
import { FORMATS } from './formats.js';
import { definitionRef } from './to-json-schema.js';

const require = createRequire(import.meta.url);

/** Raised when the shape of the generated code changes, so older cache files are never read. */
const CODE_FORMAT = 1;

/** What every cached validator depends on besides its schemas. */
function codeContext(): string {
  const ajvVersion = (require('ajv/package.json') as { version: string }).version;
  const formats = Object.entries(FORMATS).map(([name, f]) => [name, f.type]);
  return JSON.stringify([CODE_FORMAT, ajvVersion, AJV_OPTIONS, formats]);
}

/** Runs generated CommonJS validator code with the format checks it was generated to expect. */
function evaluate(code: string, filename: string, key: string): ValidateFunction {
  const module: { exports: Record<string, unknown> } = { exports: {} };
  const wrapped = `(function (module, exports, require, __k8sFormats) {${code}\n})`;
  const run = compileCached(wrapped, filename, `validator-${key}`).runInThisContext() as (m: unknown, e: unknown, r: unknown, f: unknown) => void;
  run(module, module.exports, require, FORMATS);
  return module.exports.v0 as ValidateFunction;
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

export interface CachedCompiler {
  /** The validator of a definition of the catalog, or undefined when there is no such definition. */
  validator(definition: string): ValidateFunction | undefined;
}

/**
 * Compiles definitions on demand, reading and writing the on-disk cache. `structural` names the
 * definitions that come from CRDs (converted with the API server's CRD semantics, see newAjv).
 */
export function cachedCompiler(definitions: Readonly<Record<string, SchemaNode>>, structural: ReadonlySet<string> = new Set()): CachedCompiler {
  let registry: AjvRegistry | undefined;
  let context: string | undefined;
  const dir = cacheDir();
  return {
    validator(definition) {
      if (registry === undefined) {
        const { _ } = require('ajv') as typeof import('ajv');
        // No optimisation passes: without them compiling a large schema takes half the time, and
        // validating takes about 1.5 times as long. On a CRD-heavy repository (87 CRDs, 1,016
        // custom resources) that trades seconds of compiling for about 0.1 s of validating, and
        // a first run (a fresh CI machine) is the one that compiles.
        registry = newAjv(definitions, { code: { source: true, formats: _`__k8sFormats`, optimize: false } }, structural);
      }
      if (!registry.register(definition)) return undefined;
      context ??= codeContext();
      const key = createHash('sha256').update(context).update(JSON.stringify(registry.closure(definition))).digest('hex').slice(0, 32);
      const file = dir === undefined ? undefined : join(dir, `validator-${key}.js`);
      let code = file === undefined ? undefined : readText(file);
      if (code === undefined) {
        const standaloneCode = require('ajv/dist/standalone').default as (ajv: unknown, refs: Record<string, string>) => string;
        const made = standaloneCode(registry.ajv, { v0: definitionRef(definition) });
        if (dir !== undefined && file !== undefined) writeCacheFile(dir, file, () => made);
        code = made;
      }
      return evaluate(code, file ?? `validator-${key}.js`, key);
    },
  };
}

/**
 * The one place that configures ajv, shared by the run-time checker and the schema build script
 * (which turns the same configuration into precompiled validators). ajv is loaded on first use
 * only: a run served by precompiled validators never loads it.
 */
import { createRequire } from 'node:module';
import type { Ajv, Options, ValidateFunction } from 'ajv';
import type { SchemaNode } from './catalog-types.js';
import { FORMATS } from './formats.js';
import { OBJECT_META, definitionRef, definitionToJsonSchema, referencedDefinitions } from './to-json-schema.js';

const require = createRequire(import.meta.url);

/** Options of every validator we compile; `verbose` stays off so precompiled code stays small. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, validateFormats: true, validateSchema: false, inlineRefs: false };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Formats used anywhere in a schema, so unknown ones can be registered as "accept anything". */
function collectFormats(schema: unknown, out: Set<string>): void {
  if (Array.isArray(schema)) {
    for (const item of schema) collectFormats(item, out);
  } else if (isPlainObject(schema)) {
    if (typeof schema.format === 'string') out.add(schema.format);
    for (const value of Object.values(schema)) if (typeof value === 'object') collectFormats(value, out);
  }
}

/**
 * An ajv instance and the catalog's definitions, registered with it on demand: asking for a
 * validator registers the definition and everything it refers to (converted once), then compiles.
 */
export interface AjvRegistry {
  readonly ajv: Ajv;
  /** Registers a definition and what it refers to; false when the catalog has no such definition. */
  register(name: string): boolean;
  /** The compiled validator of a definition (compiled once, then cached by ajv). */
  validator(name: string): ValidateFunction | undefined;
  /**
   * The JSON Schemas a registered definition compiles from: its own and those of every definition
   * it refers to, directly or not, sorted by name. What its compiled code depends on, and nothing else.
   */
  closure(name: string): [name: string, schema: unknown][];
}

/**
 * `structural`: definitions that come from CRDs and are converted with the API server's CRD
 * semantics. The ajv instance is made, and the registered schemas added to it, only when it is first
 * used: a caller that only needs `closure` (to find cached code) never pays for ajv's set-up.
 */
export function newAjv(definitions: Readonly<Record<string, SchemaNode>>, extra: Options = {}, structural: ReadonlySet<string> = new Set()): AjvRegistry {
  let instance: Ajv | undefined;
  const hasObjectMeta = definitions[OBJECT_META] !== undefined;
  const registered = new Map<string, Record<string, unknown>>();
  const added = new Set<string>();
  const formats = new Set<string>(Object.keys(FORMATS));

  /** The ajv instance, holding every schema registered so far. */
  function ready(): Ajv {
    if (instance === undefined) {
      const { Ajv: AjvClass } = require('ajv') as typeof import('ajv');
      instance = new AjvClass({ ...AJV_OPTIONS, ...extra });
      for (const [name, format] of Object.entries(FORMATS)) {
        instance.addFormat(name, { type: format.type, validate: format.validate } as never);
      }
    }
    for (const [name, schema] of registered) {
      if (added.has(name)) continue;
      added.add(name);
      const used = new Set<string>();
      collectFormats(schema, used);
      for (const format of used) {
        if (!formats.has(format)) instance.addFormat(format, true);
        formats.add(format);
      }
      instance.addSchema(schema);
    }
    return instance;
  }

  function register(root: string): boolean {
    if (!Object.prototype.hasOwnProperty.call(definitions, root)) return false;
    const pending = [root];
    while (pending.length > 0) {
      const name = pending.pop() as string;
      const node = definitions[name];
      if (registered.has(name) || node === undefined) continue;
      const schema = { $id: definitionRef(name), ...definitionToJsonSchema(name, node, hasObjectMeta, structural.has(name) ? { branch: false } : undefined) };
      registered.set(name, schema);
      for (const target of referencedDefinitions(schema)) if (!registered.has(target)) pending.push(target);
    }
    return true;
  }

  return {
    get ajv() {
      return ready();
    },
    register,
    validator(name) {
      return register(name) ? ready().getSchema(definitionRef(name)) : undefined;
    },
    closure(name) {
      const seen = new Map<string, unknown>();
      const pending = [name];
      while (pending.length > 0) {
        const next = pending.pop() as string;
        const schema = registered.get(next);
        if (seen.has(next) || schema === undefined) continue;
        seen.set(next, schema);
        for (const target of referencedDefinitions(schema)) pending.push(target);
      }
      return [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    },
  };
}

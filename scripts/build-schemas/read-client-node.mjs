/**
 * Reads what `@kubernetes/client-node` ships about the API: its generated models (field names,
 * TypeScript types with OpenAPI formats, optional marks, one-line descriptions) and its API classes
 * (operation paths and the model each operation returns).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Undoes the generator's escaping in doc comments: backslashes before quotes and backslashes,
 * and the `_` it puts between a slash and a star so that they cannot open or close a comment.
 */
function unescapeDoc(text) {
  return text.replace(/\\(.)/g, '$1').replace(/\/_\*/g, '/*').replace(/\*_\//g, '*/');
}

/** Parses `/** ... *\/ 'name'?: type;` blocks and the class comment of one model declaration file. */
function parseModelDeclaration(source) {
  const classMatch = /\/\*\*\n\* (.*)\n\*\/\nexport declare class (\w+)/.exec(source);
  const fields = new Map();
  const fieldPattern = /\/\*\*\n\s*\* (.*)\n\s*\*\/\n\s*'([^']+)'(\?)?:/g;
  for (const match of source.matchAll(fieldPattern)) {
    fields.set(match[2], { description: unescapeDoc(match[1]), optional: match[3] === '?' });
  }
  // Fields without a description have no comment; record their optional mark too.
  for (const match of source.matchAll(/^ {4}'([^']+)'(\?)?:/gm)) {
    if (!fields.has(match[1])) fields.set(match[1], { description: '', optional: match[2] === '?' });
  }
  return { description: classMatch ? unescapeDoc(classMatch[1]) : '', fields };
}

/**
 * The generator's layout: `models` for client-node 1.x and later (`dist/gen/models/all.js`, formats
 * in `attributeTypeMap`), `model` for the 0.x line (`dist/gen/model/models.js`, no formats, `object`
 * where the later line writes `any`).
 */
function layoutOf(packageDir) {
  if (existsSync(join(packageDir, 'dist/gen/models/all.js'))) {
    return { modelsDir: join(packageDir, 'dist/gen/models'), index: 'all.js', file: (name) => name, apisDir: join(packageDir, 'dist/gen/apis'), legacy: false };
  }
  if (existsSync(join(packageDir, 'dist/gen/model/models.js'))) {
    const file = (name) => name.charAt(0).toLowerCase() + name.slice(1);
    return { modelsDir: join(packageDir, 'dist/gen/model'), index: 'models.js', file, apisDir: join(packageDir, 'dist/gen/api'), legacy: true };
  }
  throw new Error(`${packageDir}: neither dist/gen/models/all.js nor dist/gen/model/models.js; not a generated client-node package`);
}

/** The 0.x line names the free-form type `object`; later lines, and the assembler, say `any`. */
const legacyType = (type) => type.replace(/\bobject\b/g, 'any');

/**
 * All models the package exports for its Kubernetes version (stale files on disk are ignored).
 * `formatOf(model, field, type)` supplies the OpenAPI format where the package records none (0.x).
 */
export async function readClientModels(packageDir, formatOf = () => undefined) {
  const layout = layoutOf(packageDir);
  const index = await readFile(join(layout.modelsDir, layout.index), 'utf8');
  const pattern = layout.legacy ? /require\("\.\/(\w+)"\)/g : /models\/(\w+)\.js/g;
  const files = [...index.matchAll(pattern)].map((m) => m[1]).filter((n) => !/^(ObjectSerializer|models)$/i.test(n));
  const models = new Map();
  for (const file of files) {
    const module = await import(pathToFileURL(join(layout.modelsDir, `${file}.js`)).href);
    const name = Object.keys(module).find((key) => key.toLowerCase() === file.toLowerCase());
    const cls = name === undefined ? undefined : module[name];
    if (!cls || !Array.isArray(cls.attributeTypeMap)) continue;
    const declaration = parseModelDeclaration(await readFile(join(layout.modelsDir, `${file}.d.ts`), 'utf8'));
    models.set(name, {
      name,
      description: declaration.description,
      fields: cls.attributeTypeMap.map((attr) => {
        const type = layout.legacy ? legacyType(attr.type) : attr.type;
        return {
          name: attr.baseName,
          type,
          format: layout.legacy ? formatOf(name, attr.baseName, type) : attr.format,
          optional: declaration.fields.get(attr.name)?.optional ?? true,
          description: declaration.fields.get(attr.name)?.description ?? '',
        };
      }),
    });
  }
  return models;
}

/**
 * OpenAPI formats by model class and field, from every model file of a 1.x package (those of
 * kinds its Kubernetes version no longer serves included): a field keeps its format across
 * versions, so a 0.x package's fields take theirs from here.
 */
export async function readClientFormats(packageDir) {
  const layout = layoutOf(packageDir);
  const formats = new Map();
  if (layout.legacy) return formats;
  for (const file of (await readdir(layout.modelsDir)).filter((f) => f.endsWith('.js') && f !== 'all.js').sort()) {
    const source = await readFile(join(layout.modelsDir, file), 'utf8');
    const cls = /^export class (\w+)/m.exec(source)?.[1];
    if (!cls) continue;
    for (const m of source.matchAll(/"baseName": "([^"]+)",\s*"type": "([^"]*)",\s*"format": "([^"]*)"/g)) {
      if (m[3] !== '') formats.set(`${cls}.${m[1]}`, m[3]);
    }
  }
  return formats;
}

const ACTIONS = { create: 'post', read: 'get', get: 'get', replace: 'put', list: 'list', delete: 'delete', patch: 'patch' };

/** Operations of the API classes: method name, HTTP path, action and the model it returns. */
export async function readClientOperations(packageDir) {
  const layout = layoutOf(packageDir);
  // Only the API classes the package exports: a package may carry stale files of earlier versions.
  const index = layout.legacy ? await readFile(join(layout.apisDir, 'apis.js'), 'utf8') : await readFile(join(layout.apisDir, '..', 'index.js'), 'utf8');
  const exported = new Set(layout.legacy ? [...index.matchAll(/require\("\.\/(\w+Api)"\)/g)].map((m) => `${m[1]}.js`) : [...index.matchAll(/ as (\w+Api)\b/g)].map((m) => `${m[1]}.js`));
  const files = (await readdir(layout.apisDir)).filter((f) => exported.has(f)).sort();
  const operations = [];
  for (const file of files) {
    const js = await readFile(join(layout.apisDir, file), 'utf8');
    const dts = await readFile(join(layout.apisDir, file.replace(/\.js$/, '.d.ts')), 'utf8');
    const returns = new Map();
    const returnPattern = layout.legacy
      ? /^ {4}(\w+)\((?:(?!\): Promise<|\n {4}\w)[^])*\): Promise<\{\s*response: http\.IncomingMessage;\s*body: (\w+);/gm
      : /(\w+)WithHttpInfo\(response: ResponseContext\): Promise<HttpInfo<(\w+)>>/g;
    for (const m of dts.matchAll(returnPattern)) returns.set(m[1], m[2]);
    const pathPattern = layout.legacy
      ? / {4}async (\w+)\([^)]*\) \{\s*const localVarPath = this\.basePath \+ '([^']+)'/g
      : / {4}async (\w+)\([^)]*\) \{[\s\S]*?const localVarPath = '([^']+)'/g;
    for (const m of js.matchAll(pathPattern)) {
      const method = m[1];
      const verb = /^(create|read|get|replace|list|delete|patch)/.exec(method)?.[1];
      const returned = returns.get(method);
      if (!verb || !returned) continue;
      operations.push({ method, path: m[2], action: ACTIONS[verb], model: returned });
    }
  }
  return operations;
}

const VERSIONED_CLASS = /^(\w*?)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/;

/**
 * `formatOf` for a 0.x package: the same class and field in a 1.x package (newest first), else the
 * same kind and field in another version of the same group (`V1alpha2ResourceClaim` → `V1alpha3…`).
 * Only numbers and strings take a format. Misses are collected so the build can report them.
 */
export function formatLookup(formatMaps) {
  const byKind = new Map();
  for (const formats of formatMaps) {
    for (const [key, format] of formats) {
      const [cls, field] = key.split('.');
      const m = VERSIONED_CLASS.exec(cls);
      const kindKey = m ? `${m[1]}${m[3]}.${field}` : key;
      if (!byKind.has(kindKey)) byKind.set(kindKey, format);
    }
  }
  const misses = [];
  const formatOf = (cls, field, type) => {
    if (!/^(Array<)?(number|string)>?$|^\{ \[key: string\]: string; \}$/.test(type)) return undefined;
    for (const formats of formatMaps) {
      const found = formats.get(`${cls}.${field}`);
      if (found !== undefined) return found;
    }
    const m = VERSIONED_CLASS.exec(cls);
    const found = byKind.get(m ? `${m[1]}${m[3]}.${field}` : `${cls}.${field}`);
    if (found === undefined && /number/.test(type)) misses.push(`${cls}.${field}`);
    return found;
  };
  return { formatOf, misses };
}

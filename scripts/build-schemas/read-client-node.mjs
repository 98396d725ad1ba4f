/**
 * Reads what `@kubernetes/client-node` ships about the API: its generated models (field names,
 * TypeScript types with OpenAPI formats, optional marks, one-line descriptions) and its API classes
 * (operation paths and the model each operation returns).
 */
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

/** All models the package exports for its Kubernetes version (stale files on disk are ignored). */
export async function readClientModels(packageDir) {
  const modelsDir = join(packageDir, 'dist/gen/models');
  const index = await readFile(join(modelsDir, 'all.js'), 'utf8');
  const names = [...index.matchAll(/models\/(\w+)\.js/g)].map((m) => m[1]).filter((n) => n !== 'ObjectSerializer');
  const models = new Map();
  for (const name of names) {
    const module = await import(pathToFileURL(join(modelsDir, `${name}.js`)).href);
    const cls = module[name];
    if (!cls || !Array.isArray(cls.attributeTypeMap)) continue;
    const declaration = parseModelDeclaration(await readFile(join(modelsDir, `${name}.d.ts`), 'utf8'));
    models.set(name, {
      name,
      description: declaration.description,
      fields: cls.attributeTypeMap.map((attr) => ({
        name: attr.baseName,
        type: attr.type,
        format: attr.format,
        optional: declaration.fields.get(attr.name)?.optional ?? true,
        description: declaration.fields.get(attr.name)?.description ?? '',
      })),
    });
  }
  return models;
}

const ACTIONS = { create: 'post', read: 'get', get: 'get', replace: 'put', list: 'list', delete: 'delete', patch: 'patch' };

/** Operations of the API classes: method name, HTTP path, action and the model it returns. */
export async function readClientOperations(packageDir) {
  const apisDir = join(packageDir, 'dist/gen/apis');
  const files = (await readdir(apisDir)).filter((f) => /Api\.js$/.test(f)).sort();
  const operations = [];
  for (const file of files) {
    const js = await readFile(join(apisDir, file), 'utf8');
    const dts = await readFile(join(apisDir, file.replace(/\.js$/, '.d.ts')), 'utf8');
    const returns = new Map();
    for (const m of dts.matchAll(/(\w+)WithHttpInfo\(response: ResponseContext\): Promise<HttpInfo<(\w+)>>/g)) returns.set(m[1], m[2]);
    for (const m of js.matchAll(/ {4}async (\w+)\([^)]*\) \{[\s\S]*?const localVarPath = '([^']+)'/g)) {
      const method = m[1];
      const verb = /^(create|read|get|replace|list|delete|patch)/.exec(method)?.[1];
      const returned = returns.get(method);
      if (!verb || !returned) continue;
      operations.push({ method, path: m[2], action: ACTIONS[verb], model: returned });
    }
  }
  return operations;
}

/**
 * Reads the declaration files of `kubernetes-models` (and `@kubernetes-models/apimachinery`):
 * upstream definition names (as `IoK8sApiCoreV1ServicePort` aliases), descriptions with their
 * line breaks, optional marks and the TypeScript type of each field (which names $ref targets).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** `IoK8sApiCoreV1ServicePort` → `io.k8s.api.core.v1.ServicePort` (known prefixes, then package.version.Kind). */
const PREFIXES = [
  ['IoK8sApiextensionsApiserverPkgApisApiextensions', 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions'],
  ['IoK8sKubeAggregatorPkgApisApiregistration', 'io.k8s.kube-aggregator.pkg.apis.apiregistration'],
  ['IoK8sApimachineryPkgApisMeta', 'io.k8s.apimachinery.pkg.apis.meta'],
  ['IoK8sApimachineryPkgApiResource', 'io.k8s.apimachinery.pkg.api.resource'],
  ['IoK8sApimachineryPkgUtilIntstr', 'io.k8s.apimachinery.pkg.util.intstr'],
  ['IoK8sApimachineryPkgRuntime', 'io.k8s.apimachinery.pkg.runtime'],
  ['IoK8sApimachineryPkgVersion', 'io.k8s.apimachinery.pkg.version'],
];

export function dottedName(camel) {
  for (const [prefix, dotted] of PREFIXES) {
    if (!camel.startsWith(prefix)) continue;
    const rest = camel.slice(prefix.length);
    const version = /^(V\d+(?:(?:alpha|beta)\d+)?)(?=[A-Z])/.exec(rest);
    return version ? `${dotted}.${version[1].toLowerCase()}.${rest.slice(version[1].length)}` : `${dotted}.${rest}`;
  }
  const m = /^IoK8sApi([A-Z][a-z0-9]*)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/.exec(camel);
  if (!m) return undefined;
  return `io.k8s.api.${m[1].toLowerCase()}.${m[2].toLowerCase()}.${m[3]}`;
}

/** JSDoc text → the original string: drop the ` * ` margins and the two escapes the generator adds. */
function docText(block) {
  return block
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, ''))
    .join('\n')
    .replace(/\\\*/g, '*')
    .replace(/\*\\\//g, '*/');
}

function parseDeclaration(source) {
  const alias = /export type \{ I\w+ as I(IoK8s\w+)/.exec(source);
  if (!alias) return undefined;
  const imports = new Map();
  for (const m of source.matchAll(/import \{ (I\w+) \} from "[^"]+";/g)) imports.set(m[1], m[1].slice(1));
  const head = /\/\*\*\n([\s\S]*?)\n \*\/\nexport (?:interface|type) /.exec(source);
  const fields = new Map();
  const body = /export interface I\w+(?: extends [\w, ]+)? \{\n([\s\S]*?)\n\}\n/.exec(source)?.[1] ?? '';
  const fieldPattern = /(?:\/\*\*\n([\s\S]*?)\n\s*\*\/\n)?\s{4}"([^"]+)"(\?)?: ([^;]+);/g;
  for (const m of body.matchAll(fieldPattern)) {
    fields.set(m[2], { description: m[1] === undefined ? '' : docText(m[1]), optional: m[3] === '?', tsType: m[4] });
  }
  const typeAlias = /export type I\w+ = ([^;]+);/.exec(source)?.[1];
  return { camel: alias[1], description: head ? docText(head[1]) : '', fields, typeAlias };
}

async function walk(dir, out) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === '_schemas' || entry.name === 'node_modules') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.name.endsWith('.d.ts') && entry.name !== 'index.d.ts') out.push(full);
  }
}

/** Definition name → { description, fields: Map(name → {description, optional, tsType}), typeAlias }. */
export async function readModelDefinitions(packageDirs) {
  const files = [];
  for (const dir of packageDirs) await walk(dir, files);
  files.sort();
  const definitions = new Map();
  for (const file of files) {
    const parsed = parseDeclaration(await readFile(file, 'utf8'));
    if (!parsed) continue;
    const name = dottedName(parsed.camel);
    if (name) definitions.set(name, parsed);
  }
  return definitions;
}

/** The definition named by a field's TypeScript type, if it is (an array or map of) a model. */
export function referencedDefinition(tsType) {
  const m = /IIo(K8s\w+)/.exec(tsType);
  return m ? dottedName(`Io${m[1]}`) : undefined;
}

async function walkAll(dir, out) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === '_schemas') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walkAll(full, out);
    else if (entry.name.endsWith('.d.ts')) out.push(full);
  }
}

function commentText(raw) {
  const lines = raw.split('\n');
  if (lines.length === 1) return docText(raw.trim());
  return docText(lines.slice(1, -1).join('\n'));
}

/**
 * Every doc comment of the given packages, keyed by its text with line breaks turned into spaces
 * (the form client-node ships), so a one-line description can get its line breaks back; plus the
 * doc comments of type aliases by type name (`Quantity`).
 */
export async function readLineBrokenDescriptions(packageDirs) {
  const files = [];
  for (const dir of packageDirs) await walkAll(dir, files);
  files.sort();
  const lineBroken = new Map();
  const typeDocs = new Map();
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    for (const m of source.matchAll(/\/\*\*([\s\S]*?)\*\/\n?(\s*export type (\w+) =)?/g)) {
      const text = commentText(m[1]);
      if (!/[\n\t]/.test(text)) continue;
      for (const variant of [text, text.replace(/\n\nPossible enum values:\n[\s\S]*$/, '')]) {
        const key = variant.replace(/[\n\t]/g, ' ');
        if (!lineBroken.has(key)) lineBroken.set(key, variant);
      }
      if (m[3] && !typeDocs.has(m[3])) typeDocs.set(m[3], text);
    }
  }
  return { lineBroken, typeDocs };
}

/** kubernetes-types module (`certificates/v1alpha1`) → upstream definition name prefix. */
function typesPrefix(module) {
  const [pkg, version] = module.split('/');
  if (pkg === 'meta') return `io.k8s.apimachinery.pkg.apis.meta.${version}`;
  if (pkg === 'apiextensions') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}`;
  if (pkg === 'apiregistration') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${version}`;
  return version ? `io.k8s.api.${pkg}.${version}` : undefined;
}

/**
 * The interfaces of `kubernetes-types` (an older Kubernetes, 1.30) as definitions with field texts,
 * in the shape of readModelDefinitions: a last resort for texts the newer packages do not carry.
 */
export async function readTypesDefinitions(packageDir) {
  const files = [];
  await walkAll(packageDir, files);
  files.sort();
  const definitions = new Map();
  for (const file of files) {
    const module = file.slice(packageDir.length + 1).replace(/\.d\.ts$/, '');
    const prefix = typesPrefix(module);
    if (!prefix) continue;
    const source = await readFile(file, 'utf8');
    for (const m of source.matchAll(/(?:\/\*\*([\s\S]*?)\*\/\n)?export interface (\w+) \{\n([\s\S]*?)\n\}/g)) {
      const fields = new Map();
      for (const f of m[3].matchAll(/(?:\/\*\*([\s\S]*?)\*\/\n)?\s{4}"?([\w$-]+)"?(\?)?: ([^;]+);/g)) {
        fields.set(f[2], { description: f[1] === undefined ? '' : commentText(f[1]), optional: f[3] === '?', tsType: f[4] });
      }
      definitions.set(`${prefix}.${m[2]}`, { camel: m[2], description: m[1] === undefined ? '' : commentText(m[1]), fields });
    }
  }
  return definitions;
}

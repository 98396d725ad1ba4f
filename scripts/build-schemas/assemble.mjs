/**
 * Combines the packages into one OpenAPI v2 document per Kubernetes version:
 *   - @kubernetes/client-node (per version): which definitions and fields exist, types and formats,
 *     required fields, API paths (group, version, plural, scope) and one-line descriptions;
 *   - kubernetes-models: upstream definition names, $ref targets the client flattens to `string`
 *     (Quantity), and descriptions with their line breaks;
 *   - kubernetes-types: line breaks of older descriptions, and the Quantity description.
 * The document then goes through the same converter users get at run time (catalogFromOpenAPI).
 */
import { addEnforcedEnums } from './enums.mjs';
import { FIELD_FACTS, SPECIAL_DEFINITIONS } from './facts.mjs';
import { transplantLineBreaks } from './line-breaks.mjs';
import { dottedName, referencedDefinition } from './read-models.mjs';

const CLASS_PATTERN = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z]\w*)$/;
const RESOURCE_PATH = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))\/(namespaces\/\{namespace\}\/)?([a-z0-9.-]+)(\/\{name\})?$/;
const GROUP_VERSION_PATH = /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(\/|$)/;
const ENUM_NOTE = /\n\nPossible enum values:\n[\s\S]*$/;
const flatten = (text) => text.replace(/[\n\t]/g, ' ');
const QUANTITY_NAME = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

export function packageOfGroup(group) {
  if (group === '') return 'core';
  if (group === 'internal.apiserver.k8s.io') return 'apiserverinternal';
  return group.split('.')[0];
}

function definitionPrefix(pkg) {
  if (pkg === 'apiextensions') return 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions';
  if (pkg === 'apiregistration') return 'io.k8s.kube-aggregator.pkg.apis.apiregistration';
  if (pkg === 'meta') return 'io.k8s.apimachinery.pkg.apis.meta';
  return `io.k8s.api.${pkg}`;
}

/** `io.k8s.api.apps.v1.Deployment` → { pkg: 'apps', version: 'v1', kind: 'Deployment' }. */
function partsOf(name) {
  const segments = name.split('.');
  const kind = segments.at(-1);
  const version = segments.at(-2);
  return { pkg: segments.at(-3), version: /^v\d/.test(version) ? version : undefined, kind };
}

function parseClass(name) {
  const m = CLASS_PATTERN.exec(name);
  return m ? { prefix: m[1]?.toLowerCase(), version: m[2].toLowerCase(), kind: m[3] } : undefined;
}

/** Maps each client model class to its upstream definition name. */
function nameModels(models, operations, modelDefs) {
  const byTail = new Map();
  for (const name of modelDefs.keys()) {
    const { version, kind } = partsOf(name);
    const tail = `${version}.${kind}`;
    byTail.set(tail, [...(byTail.get(tail) ?? []), name]);
  }
  const returnedIn = new Map();
  for (const op of operations) {
    const m = GROUP_VERSION_PATH.exec(op.path);
    if (m && !returnedIn.has(op.model)) returnedIn.set(op.model, m[1] ? '' : m[2]);
  }
  const names = new Map();
  const unresolved = [];
  for (const model of models.values()) {
    const parsed = parseClass(model.name);
    if (!parsed) {
      // Unversioned classes (VersionInfo) carry the tail of their upstream name.
      const match = [...modelDefs.entries()].find(([, d]) => d.camel.endsWith(model.name) && d.camel !== model.name);
      if (match) names.set(model.name, match[0]);
      continue;
    }
    let candidates = byTail.get(`${parsed.version}.${parsed.kind}`) ?? [];
    if (parsed.prefix) candidates = candidates.filter((c) => partsOf(c).pkg === parsed.prefix);
    if (candidates.length > 1) {
      const fieldSet = model.fields.map((f) => f.name).sort().join(',');
      const exact = candidates.filter((c) => [...modelDefs.get(c).fields.keys()].sort().join(',') === fieldSet);
      if (exact.length > 0) candidates = exact;
    }
    if (candidates.length > 0) names.set(model.name, [...candidates].sort()[0]);
    else if (returnedIn.has(model.name)) names.set(model.name, `${definitionPrefix(packageOfGroup(returnedIn.get(model.name)))}.${parsed.version}.${parsed.kind}`);
    else unresolved.push(model);
  }
  // The rest are nested types of no served kind in kubernetes-models: they live in the package of
  // a model that refers to them, unless the referrer is of another version (then it is meta/v1).
  for (let pass = 0; pass < 5 && unresolved.length > 0; pass++) {
    for (let i = unresolved.length - 1; i >= 0; i--) {
      const model = unresolved[i];
      const parsed = parseClass(model.name);
      for (const referrer of models.values()) {
        const referrerName = names.get(referrer.name);
        if (!referrerName || !referrer.fields.some((f) => typeRefs(f.type).includes(model.name))) continue;
        const { pkg, version } = partsOf(referrerName);
        const home = version === parsed.version ? pkg : 'meta';
        names.set(model.name, `${definitionPrefix(home)}.${parsed.version}.${parsed.kind}`);
        unresolved.splice(i, 1);
        break;
      }
    }
  }
  return names;
}

function typeRefs(type) {
  return [...type.matchAll(/\b(\w+)\b/g)].map((m) => m[1]);
}

const SCALARS = { string: 'string', boolean: 'boolean' };

/** Client type string (+ format) → OpenAPI v2 schema, using the kubernetes-models type for $refs it hides. */
function fieldSchema(type, format, tsType, names) {
  const array = /^Array<(.+)>$/.exec(type);
  // The models' type names the same element type; its first model reference is all that is used.
  if (array) return { type: 'array', items: fieldSchema(array[1], format, tsType, names) };
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) return { type: 'object', additionalProperties: fieldSchema(map[1], format, tsType, names) };
  if (type === 'V1MicroTime' || type === 'V1Time') return { $ref: `#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.${type.slice(2)}` };
  const modelRef = tsType ? referencedDefinition(tsType) : undefined;
  if (modelRef && (SPECIAL_DEFINITIONS[modelRef] || type === 'any' || type === 'string')) return { $ref: `#/definitions/${modelRef}` };
  if (type === 'IntOrString') return { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' };
  if (type === 'Date') return { $ref: `#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.${format === 'date-time-micro' ? 'MicroTime' : 'Time'}` };
  if (type === 'number') return format === 'double' || format === 'float' ? { type: 'number', format } : { type: 'integer', ...(format ? { format } : {}) };
  if (SCALARS[type]) return { type: SCALARS[type], ...(format ? { format } : {}) };
  if (names.has(type)) return { $ref: `#/definitions/${names.get(type)}` };
  if (type === 'any') return { $ref: '#/definitions/io.k8s.apimachinery.pkg.runtime.RawExtension' };
  return {};
}

/** Picks the best description: the line-broken text whose flattened form is what the client says. */
function describe(clientText, modelText, lineBroken, isRef = false, related = undefined) {
  if (modelText !== undefined && modelText !== '') {
    const plain = modelText.replace(ENUM_NOTE, '');
    if (flatten(plain) === clientText) return plain;
    if (flatten(modelText) === clientText) return modelText;
    // The client repeats the referenced type's description on $ref fields; the model has the field's own.
    if (isRef) return plain;
  }
  const exact = lineBroken.get(clientText);
  if (exact !== undefined) return exact;
  // Same field, other wording (another version): borrow its line breaks where the words agree.
  for (const text of [modelText, related]) {
    const withBreaks = transplantLineBreaks(clientText, text?.replace(ENUM_NOTE, ''));
    if (withBreaks !== clientText) return withBreaks;
  }
  return clientText;
}

/**
 * The same kind of the same package in another version, for definitions kubernetes-models lacks
 * (alpha and beta versions): GA first, then the newest.
 */
function siblingIndex(modelDefs) {
  const index = new Map();
  for (const name of [...modelDefs.keys()].sort()) {
    const { pkg, version, kind } = partsOf(name);
    if (!version) continue;
    const key = `${pkg}.${kind}`;
    index.set(key, [...(index.get(key) ?? []), name]);
  }
  const rank = (name) => { const v = partsOf(name).version; return /alpha/.test(v) ? 0 : /beta/.test(v) ? 1 : 2; };
  return (name) => {
    const { pkg, kind } = partsOf(name);
    return (index.get(`${pkg}.${kind}`) ?? []).filter((n) => n !== name).sort((a, b) => rank(b) - rank(a) || b.localeCompare(a))[0];
  };
}

export function assembleDocument({ models, operations, modelDefs, typesDefs, lineBroken, typeDocs }) {
  const names = nameModels(models, operations, modelDefs);
  const siblingOf = siblingIndex(modelDefs);
  const olderSiblingOf = siblingIndex(typesDefs);
  const definitions = {};
  const clientTextOf = new Map([...models.values()].map((m) => [names.get(m.name), m.description]));
  /** The one-line description the client gives a definition (a $ref field's target). */
  const targetText = (ref) => {
    const name = ref.slice('#/definitions/'.length);
    const text = clientTextOf.get(name) ?? modelDefs.get(name)?.description ?? typeDocs.get(name.split('.').at(-1)) ?? '';
    return flatten(text.replace(ENUM_NOTE, ''));
  };
  for (const model of models.values()) {
    const name = names.get(model.name);
    if (!name) continue;
    const fromModels = modelDefs.get(name);
    // Nearest relative with texts: another version in kubernetes-models, else the same or another
    // version in kubernetes-types (Kubernetes 1.30).
    const sibling = fromModels ? undefined : modelDefs.get(siblingOf(name)) ?? typesDefs.get(name) ?? typesDefs.get(olderSiblingOf(name));
    const properties = {};
    const required = [];
    for (const field of model.fields) {
      const modelField = fromModels?.fields.get(field.name);
      const siblingField = sibling?.fields.get(field.name);
      // A sibling version only tells that a plain string is a Quantity; other refs stay the client's.
      const siblingRef = siblingField && referencedDefinition(siblingField.tsType) === QUANTITY_NAME ? siblingField.tsType : undefined;
      const schema = fieldSchema(field.type, field.format, modelField?.tsType ?? siblingRef, names);
      const isRef = schema.$ref !== undefined;
      // On $ref fields the client repeats the referenced type's description: that is no field text.
      const clientText = isRef && field.description !== '' && field.description === targetText(schema.$ref) ? '' : field.description;
      // The client leaves most $ref fields without text; the sibling version's text is the best guess.
      const modelText = modelField?.description ?? (isRef && clientText === '' ? siblingField?.description : undefined);
      const description = describe(clientText, modelText, lineBroken, isRef, siblingField?.description);
      properties[field.name] = { ...(description ? { description } : {}), ...schema, ...(FIELD_FACTS[name]?.[field.name] ?? {}) };
      if (!field.optional) required.push(field.name);
    }
    const description = describe(model.description, fromModels?.description, lineBroken, false, sibling?.description);
    definitions[name] = { ...(description ? { description } : {}), type: 'object', properties, ...(required.length ? { required } : {}) };
  }
  for (const [name, schema] of Object.entries(SPECIAL_DEFINITIONS)) {
    const description = modelDefs.get(name)?.description || typeDocs.get(name.split('.').at(-1)) || '';
    definitions[name] = { ...(description ? { description } : {}), ...schema };
  }
  // Property-less structs the client drops: keep them where kubernetes-models names them.
  for (const def of Object.values(definitions)) {
    for (const prop of Object.values(def.properties ?? {})) {
      for (const node of [prop, prop.items, prop.additionalProperties]) {
        const target = node?.$ref?.slice('#/definitions/'.length);
        if (target && !definitions[target]) {
          const source = modelDefs.get(target);
          definitions[target] = { ...(source?.description ? { description: source.description } : {}), type: 'object' };
        }
      }
    }
  }
  addEnforcedEnums(definitions, modelDefs);
  addKinds(definitions, operations, names);
  return { swagger: '2.0', definitions, paths: resourcePaths(operations, names) };
}

function groupOfDefinition(name) {
  const { pkg } = partsOf(name);
  if (pkg === 'core' || pkg === 'meta') return '';
  if (pkg === 'apiserverinternal') return 'internal.apiserver.k8s.io';
  return undefined;
}

/** Sets x-kubernetes-group-version-kind on every definition an API operation exchanges as a kind. */
function addKinds(definitions, operations, names) {
  const groupOfPackage = new Map();
  for (const op of operations) {
    const m = GROUP_VERSION_PATH.exec(op.path);
    if (m && m[2]) groupOfPackage.set(packageOfGroup(m[2]), m[2]);
  }
  for (const op of operations) {
    const name = names.get(op.model);
    const def = name && definitions[name];
    if (!def?.properties?.kind || !def.properties.apiVersion) continue;
    const { pkg, version, kind } = partsOf(name);
    if (!GROUP_VERSION_PATH.test(op.path) && pkg !== 'meta') continue;
    const group = groupOfDefinition(name) ?? groupOfPackage.get(pkg);
    if (group === undefined || version === undefined) continue;
    def['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
  }
}

function resourcePaths(operations, names) {
  const paths = {};
  for (const op of operations) {
    const m = RESOURCE_PATH.exec(op.path);
    const name = names.get(op.model);
    if (!m || !name || !['post', 'get', 'put'].includes(op.action) || op.method.startsWith('get')) continue;
    const group = m[1] ? '' : m[2];
    const version = m[1] ?? m[3];
    const kind = partsOf(name).kind;
    paths[op.path] ??= {};
    paths[op.path][op.action] = {
      'x-kubernetes-action': op.action,
      'x-kubernetes-group-version-kind': { group, kind, version },
      responses: { 200: { schema: { $ref: `#/definitions/${name}` } } },
    };
  }
  return paths;
}

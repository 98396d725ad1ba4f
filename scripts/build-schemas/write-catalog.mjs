/** Splits a catalog into structure and descriptions and serialises both deterministically. */

function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

const escapePointer = (key) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Removes every `description` from a schema node, recording it under its JSON pointer. */
function stripDescriptions(node, pointer, out) {
  if (node === null || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') {
      out[pointer] = value;
    } else if ((key === 'properties') && value && typeof value === 'object') {
      copy[key] = {};
      for (const [name, child] of Object.entries(value)) copy[key][name] = stripDescriptions(child, `${pointer}/properties/${escapePointer(name)}`, out);
    } else if ((key === 'items' || key === 'additionalProperties' || key === 'not') && value && typeof value === 'object') {
      copy[key] = stripDescriptions(value, `${pointer}/${key}`, out);
    } else if ((key === 'oneOf' || key === 'anyOf' || key === 'allOf') && Array.isArray(value)) {
      copy[key] = value.map((child, i) => stripDescriptions(child, `${pointer}/${key}/${i}`, out));
    } else {
      copy[key] = value;
    }
  }
  return copy;
}

/** Definitions without descriptions, and descriptions by definition and pointer, keys sorted. */
export function splitCatalog(catalog) {
  const definitions = {};
  const descriptions = {};
  for (const name of Object.keys(catalog.definitions).sort()) {
    const found = {};
    definitions[name] = sortKeys(stripDescriptions(catalog.definitions[name], '', found));
    if (Object.keys(found).length > 0) descriptions[name] = sortKeys(found);
  }
  return { definitions, descriptions };
}

const lines = (entries) => entries.map(([name, value]) => `${JSON.stringify(name)}:${JSON.stringify(value)}`).join(',\n');

function structureText(header, resources, definitions, removed) {
  return [
    `{"format":${header.format},`,
    `"kubernetesVersion":${JSON.stringify(header.kubernetesVersion)},`,
    `"sources":${JSON.stringify(header.sources)},`,
    ...(header.base === undefined ? [] : [`"base":${JSON.stringify(header.base)},`]),
    '"resources":[',
    resources.map((r) => JSON.stringify(sortKeys(r))).join(',\n'),
    '],',
    ...(removed === undefined ? [] : [`"removed":${JSON.stringify(removed)},`]),
    '"definitions":{',
    lines(Object.entries(definitions)),
    '}}',
    '',
  ].join('\n');
}

/** A complete catalog (format 1): what the default version is stored as. */
export function serializeCatalog(catalog, sources) {
  const { definitions, descriptions } = splitCatalog(catalog);
  const structure = structureText({ format: 1, kubernetesVersion: catalog.kubernetesVersion, sources }, catalog.resources, definitions);
  return { structure, descriptions: ['{', lines(Object.entries(descriptions)), '}', ''].join('\n') };
}

/**
 * A catalog stored as its differences from the next newer bundled version (format 2): its own
 * resource list, the definitions that are new or differ, the names of those it lacks, and the
 * descriptions that differ, pointer by pointer (`null` where the base has text and this one none).
 * Definitions and descriptions that stay the same from one minor to the next are stored once.
 */
export function serializeDelta(catalog, sources, base, baseVersion) {
  const own = splitCatalog(catalog);
  const definitions = {};
  for (const [name, def] of Object.entries(own.definitions)) {
    if (JSON.stringify(base.definitions[name]) !== JSON.stringify(def)) definitions[name] = def;
  }
  const removed = Object.keys(base.definitions).filter((name) => !(name in own.definitions));
  const header = { format: 2, kubernetesVersion: catalog.kubernetesVersion, sources, base: baseVersion };
  const descriptions = {};
  for (const name of Object.keys(own.definitions)) {
    const mine = own.descriptions[name] ?? {};
    const theirs = base.descriptions[name] ?? {};
    const changed = {};
    for (const pointer of [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort()) {
      if (mine[pointer] !== theirs[pointer]) changed[pointer] = mine[pointer] ?? null;
    }
    if (Object.keys(changed).length > 0) descriptions[name] = changed;
  }
  return {
    structure: structureText(header, catalog.resources, definitions, removed),
    descriptions: [`{"format":2,"base":${JSON.stringify(baseVersion)},"definitions":{`, lines(Object.entries(descriptions)), '}}', ''].join('\n'),
  };
}

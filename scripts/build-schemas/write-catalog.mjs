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

export function serializeCatalog(catalog, sources) {
  const definitions = {};
  const descriptions = {};
  for (const name of Object.keys(catalog.definitions).sort()) {
    const found = {};
    definitions[name] = sortKeys(stripDescriptions(catalog.definitions[name], '', found));
    if (Object.keys(found).length > 0) descriptions[name] = sortKeys(found);
  }
  const structure = [
    '{"format":1,',
    `"kubernetesVersion":${JSON.stringify(catalog.kubernetesVersion)},`,
    `"sources":${JSON.stringify(sources)},`,
    '"resources":[',
    catalog.resources.map((r) => JSON.stringify(sortKeys(r))).join(',\n'),
    '],',
    '"definitions":{',
    Object.entries(definitions).map(([name, def]) => `${JSON.stringify(name)}:${JSON.stringify(def)}`).join(',\n'),
    '}}',
    '',
  ].join('\n');
  const describedText = ['{', Object.entries(descriptions).map(([name, d]) => `${JSON.stringify(name)}:${JSON.stringify(d)}`).join(',\n'), '}', ''].join('\n');
  return { structure, descriptions: describedText };
}

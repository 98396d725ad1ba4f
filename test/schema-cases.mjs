/**
 * Random CRD-style schemas and values for checking that the schema-walking validator and ajv's
 * compiled code agree. Schemas are catalog nodes (what CRDs are converted to) with every keyword
 * the converter passes on, at the edges where ajv's behaviour is particular: types with and
 * without keywords of their own group, nullable, int-or-string, formats known and unknown,
 * bounds (exclusive too), multipleOf 0 and fractions, unicode patterns and lengths, enums of
 * scalars and objects, oneOf/anyOf/allOf/not with empty branches, uniqueItems of scalars and of
 * objects, more than eight properties, odd property names, and ObjectMeta by `$ref`. Values are
 * drawn from the schema and then bent: wrong types, missing required fields, extra keys,
 * duplicates, NaN and infinities (YAML's `.nan` and `.inf`).
 */

/** A small seeded generator (mulberry32), so a case is reproduced from its seed. */
export function randomSource(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, chance: (p) => next() < p, pick: (list) => list[int(list.length)] };
}

const TYPES = ['object', 'array', 'string', 'integer', 'number', 'boolean'];
const FORMATS = ['int32', 'int64', 'date-time', 'date', 'byte', 'uuid', 'ipv4', 'ipv6', 'quantity', 'double', 'float', 'email', 'hostname', 'duration'];
const PATTERNS = ['^[a-z]+$', '^\\d{1,3}$', '^(Always|Never)$', 'x', '^\\p{L}+$', '^.{2}$', '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', '^$'];
/** Patterns ajv cannot compile (with the `u` flag): such schemas are left to ajv. */
const BAD_PATTERNS = ['(', '[z-a]', '\\', '\\-'];
const NAMES = ['a', 'b', 'c', 'name', 'spec', 'kind', 'x-y', 'a/b', 'm~n', 'with space', 'é', 'd', 'e', 'f', 'g', 'h', 'i', 'constructor'];
const STRINGS = ['', 'a', 'abc', 'Always', 'ABC', '12', '1234', 'é', 'éé', '😀😀', 'a-b', '-a', '2020-01-01T00:00:00Z', '2020-01-01', 'aGVsbG8=', 'not base64!',
  '500m', '1Gi', '1.5', '::1', '10.0.0.1', '999.1.1.1', '123e4567-e89b-12d3-a456-426614174000', 'x'.repeat(70)];
const NUMBERS = [0, -0, 1, -1, 2, 3, 7, 10, 0.5, 1.5, -2.5, 100, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e21, 2 ** 63, 0.1 + 0.2, NaN, Infinity, -Infinity];

function scalar(r) {
  switch (r.int(5)) {
    case 0:
      return r.pick(STRINGS);
    case 1:
      return r.pick(NUMBERS);
    case 2:
      return r.chance(0.5);
    case 3:
      return null;
    default:
      return r.chance(0.5) ? [] : {};
  }
}

/** A catalog node of a CRD schema, `depth` levels deep at most. */
export function randomSchema(r, depth = 3) {
  const node = {};
  const kind = r.int(10);
  if (kind < 8) node.type = r.pick(TYPES);
  if (r.chance(0.1)) node['x-kubernetes-int-or-string'] = true;
  if (r.chance(0.15)) node.nullable = true;
  if (r.chance(0.2)) node.format = r.pick(FORMATS);
  if (r.chance(0.15)) node.enum = Array.from({ length: 1 + r.int(3) }, () => (r.chance(0.1) ? { a: r.pick(STRINGS) } : r.chance(0.6) ? r.pick(STRINGS) : r.pick(NUMBERS.filter((n) => !Number.isNaN(n)))));
  if (r.chance(0.15)) node.pattern = r.chance(0.03) ? r.pick(BAD_PATTERNS) : r.pick(PATTERNS);
  for (const key of ['minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties']) if (r.chance(0.07)) node[key] = r.int(4);
  if (r.chance(0.1)) node.minimum = r.pick([0, 1, 2, -1, 0.5, 10]);
  if (r.chance(0.1)) node.maximum = r.pick([0, 1, 3, 10, 2.5, 100]);
  if (node.minimum !== undefined && r.chance(0.3)) node.exclusiveMinimum = true;
  if (node.maximum !== undefined && r.chance(0.3)) node.exclusiveMaximum = true;
  if (r.chance(0.07)) node.multipleOf = r.pick([0, 2, 0.5, 3, 0.1]);
  if (r.chance(0.07)) node.uniqueItems = r.chance(0.8);
  // Now and then a value of a shape ajv refuses (a catalog node may come from any document).
  if (r.chance(0.003)) node.enum = [];
  if (r.chance(0.003)) node.required = 'name';
  if (r.chance(0.003)) node.minLength = '3';
  if (depth > 0) {
    if (node.type === 'object' || (node.type === undefined && r.chance(0.3)) || r.chance(0.1)) {
      if (r.chance(0.8)) {
        const properties = {};
        const count = r.chance(0.2) ? 9 + r.int(4) : 1 + r.int(4);
        for (let i = 0; i < count; i++) properties[r.chance(0.7) ? r.pick(NAMES) : `p${i}`] = randomSchema(r, depth - 1);
        if (r.chance(0.05)) properties.metadata = { $ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' };
        node.properties = properties;
      }
      if (r.chance(0.3)) node.required = Array.from({ length: 1 + r.int(3) }, () => (node.properties && r.chance(0.7) ? r.pick(Object.keys(node.properties)) : r.pick(NAMES)));
      if (r.chance(0.25)) node.additionalProperties = r.chance(0.3) ? r.chance(0.5) : randomSchema(r, depth - 1);
      if (r.chance(0.15)) node['x-kubernetes-preserve-unknown-fields'] = true;
      if (r.chance(0.05)) node['x-kubernetes-embedded-resource'] = true;
    }
    if (node.type === 'array' || r.chance(0.1)) {
      if (r.chance(0.9)) node.items = randomSchema(r, depth - 1);
    }
    for (const key of ['oneOf', 'anyOf', 'allOf']) {
      if (r.chance(0.08)) node[key] = Array.from({ length: 1 + r.int(3) }, () => (r.chance(0.15) ? {} : randomSchema(r, depth - 1)));
    }
    if (r.chance(0.05)) node.not = r.chance(0.15) ? {} : randomSchema(r, depth - 1);
  }
  return node;
}

/** The types a converted schema admits ([] when any). */
function typesOf(schema) {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

/**
 * A value for a converted (JSON Schema) node: mostly shaped by the schema, sometimes bent, now
 * and then anything at all.
 */
export function valueFor(schema, r, depth = 0) {
  if (schema === true || schema === undefined || depth > 6 || r.chance(0.08)) return scalar(r);
  if (schema === false) return scalar(r);
  if (schema.$ref) {
    if (r.chance(0.7)) return { name: r.pick(STRINGS), ...(r.chance(0.5) ? { labels: { a: r.pick(STRINGS) } } : {}), ...(r.chance(0.3) ? { bogus: 1 } : {}) };
    return scalar(r);
  }
  const branches = [...(schema.oneOf ?? []), ...(schema.anyOf ?? []), ...(schema.allOf ?? [])];
  if (branches.length > 0 && r.chance(0.3)) return valueFor(r.pick(branches), r, depth + 1);
  if (schema.enum && r.chance(0.6)) return structuredClone(r.pick(schema.enum));
  const types = typesOf(schema);
  const type = types.length > 0 && r.chance(0.85) ? r.pick(types) : r.pick([...TYPES, 'null']);
  switch (type) {
    case 'object': {
      const out = {};
      for (const [key, child] of Object.entries(schema.properties ?? {})) if (r.chance(0.7)) out[key] = valueFor(child, r, depth + 1);
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && r.chance(0.5)) out[r.pick(NAMES)] = valueFor(schema.additionalProperties, r, depth + 1);
      if (r.chance(0.15)) out[r.pick(['extra', 'a/b', 'x~y', ...NAMES])] = scalar(r);
      for (const key of schema.required ?? []) if (r.chance(0.15)) delete out[key];
      return out;
    }
    case 'array': {
      const out = Array.from({ length: r.int(4) }, () => valueFor(schema.items, r, depth + 1));
      if (out.length > 0 && r.chance(0.2)) out.push(structuredClone(r.pick(out)));
      return out;
    }
    case 'string':
      return r.pick(STRINGS);
    case 'integer':
      return r.chance(0.8) ? r.pick([0, 1, 2, 3, -1, 10, 100, 2 ** 31, 2 ** 31 - 1, Infinity]) : r.pick(NUMBERS);
    case 'number':
      return r.pick(NUMBERS);
    case 'boolean':
      return r.chance(0.5);
    default:
      return null;
  }
}

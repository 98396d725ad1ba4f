/**
 * Whether the schema-walking validator (src/schema/interpreted.ts) and ajv's compiled code agree:
 * the same verdict and the same errors, field for field and in the same order, for each value.
 * Shared by test/interpreted.test.ts (against src/) and scripts/fuzz-schema.mjs (against dist/):
 * the modules are passed in.
 */

function sameJson(a, b) {
  return JSON.stringify(a, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ===
    JSON.stringify(b, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
}

function show(value) {
  const text = JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? 'undefined';
  return text.length > 3000 ? `${text.slice(0, 3000)}...` : text;
}

/**
 * `modules`: { newAjv, interpretedValidator, definitionToJsonSchema }; `definitions`: a catalog's definitions, what
 * `$ref`s point at (both sides call ajv's validators for them). Returns compare(schema, values):
 * `took` says whether the walk takes the schema (else ajv compiles it in the checker), `diff`
 * describes the first disagreement.
 */
export function schemaComparer({ newAjv, interpretedValidator, definitionToJsonSchema }, definitions) {
  const registry = newAjv(definitions);
  // Registering a definition also registers what it refers to; `registry.ajv` adds them to ajv.
  // The walk follows `$ref`s with walking validators of the referenced definitions, as the
  // checker does, so they are held to compiled code too.
  const walkers = new Map();
  const refs = {
    has: (name) => registry.register(name),
    get(name) {
      let found = walkers.get(name);
      if (!found) {
        found = interpretedValidator(definitionToJsonSchema(name, definitions[name], true), refs) ?? registry.validator(name);
        walkers.set(name, found);
      }
      return found;
    },
  };
  let count = 0;

  /** Unknown formats are accepted, as the checker's ajv set-up registers them. */
  function addFormats(schema) {
    if (Array.isArray(schema)) for (const item of schema) addFormats(item);
    else if (schema && typeof schema === 'object') {
      const ajv = registry.ajv;
      if (typeof schema.format === 'string' && ajv.formats[schema.format] === undefined) ajv.addFormat(schema.format, true);
      for (const value of Object.values(schema)) if (typeof value === 'object') addFormats(value);
    }
  }

  /** Both validators of a schema; those of a schema met again (`keep`) are kept. */
  const kept = new WeakMap();
  function validators(schema, keep) {
    const known = kept.get(schema);
    if (known) return known;
    const walker = interpretedValidator(schema, refs);
    if (!walker) return { walker };
    const id = `k8s:agreement-case-${count++}`;
    let made;
    try {
      addFormats(schema);
      made = { walker, compiled: registry.ajv.compile({ ...schema, $id: id }) };
    } catch (error) {
      made = { walker, error: `ajv could not compile a schema the walk takes (${error.message}): ${show(schema)}` };
    } finally {
      if (!keep) registry.ajv.removeSchema(id);
    }
    if (keep) kept.set(schema, made);
    return made;
  }

  /** `keep`: the schema is compared again later (its validators are kept). */
  return function compare(schema, values, keep = false) {
    const { walker, compiled, error } = validators(schema, keep);
    if (!walker) return { took: false };
    if (error) return { took: true, diff: error };
    for (const value of values) {
      const a = compiled(value);
      const errorsA = compiled.errors ?? null;
      const b = walker(value);
      const errorsB = walker.errors ?? null;
      if (a !== b || !sameJson(errorsA, errorsB)) {
        return {
          took: true,
          diff: `schema ${show(schema)}\nvalue ${show(value)}\najv (${a}): ${show(errorsA)}\nwalk (${b}): ${show(errorsB)}`,
        };
      }
    }
    return { took: true };
  };
}

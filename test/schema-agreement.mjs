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
 * `modules`: { newAjv, interpretedValidator, definitionWalker, definitionToJsonSchema };
 * `definitions`: a catalog's definitions, what `$ref`s point at. Returns compare(subject, values,
 * keep): `subject` is a converted schema (`{ schema }`, walked as given) or a catalog definition
 * (`{ name, node, structural }`, walked as the checker walks it: checked before conversion and
 * converted part by part), compared with ajv's code compiled from the definition's whole converted
 * schema. `took` says whether the walk takes it (else ajv compiles it in the checker), `diff`
 * describes the first disagreement; `keep` keeps both validators for a subject met again.
 */
export function schemaComparer({ newAjv, interpretedValidator, definitionWalker, definitionToJsonSchema }, definitions) {
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
        found = definitionWalker(name, definitions[name], true, undefined, refs) ?? registry.validator(name);
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

  /** Both validators of a subject; those of a subject met again (`keep`) are kept. */
  const kept = new WeakMap();
  function validators(subject, keep) {
    const known = kept.get(subject);
    if (known) return known;
    let schema = subject.schema;
    let walker;
    if (schema) walker = interpretedValidator(schema, refs);
    else {
      schema = definitionToJsonSchema(subject.name, subject.node, true, subject.structural);
      walker = definitionWalker(subject.name, subject.node, true, subject.structural, refs);
      // The check before conversion may refuse more than the check of the converted schema, never less.
      if (walker && !interpretedValidator(schema, refs)) return { walker, schema, error: `the walk took a definition whose converted schema it refuses: ${show(schema)}` };
    }
    if (!walker) return { walker, schema };
    const id = `k8s:agreement-case-${count++}`;
    let made;
    try {
      addFormats(schema);
      made = { walker, schema, compiled: registry.ajv.compile({ ...schema, $id: id }) };
    } catch (error) {
      made = { walker, schema, error: `ajv could not compile a schema the walk takes (${error.message}): ${show(schema)}` };
    } finally {
      if (!keep) registry.ajv.removeSchema(id);
    }
    if (keep) kept.set(subject, made);
    return made;
  }

  return function compare(subject, values, keep = false) {
    const { walker, schema, compiled, error } = validators(subject, keep);
    if (error) return { took: true, diff: error };
    if (!walker) return { took: false };
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

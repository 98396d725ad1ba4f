/**
 * Validators for CRD schemas that walk the schema beside the object instead of compiling it. A
 * CRD's schema can be megabytes of JSON Schema while its custom resources touch a small part of
 * it: compiling (or loading compiled code for) the whole schema costs far more than walking the
 * object's own fields. The walk gives the errors ajv's compiled code gives, the same objects in the
 * same order (instancePath, schemaPath, keyword, params, message), so the findings built from them
 * are the same; `test/interpreted.test.ts` and `npm run fuzz:schema` hold the two side by side.
 *
 * What it follows of ajv 8 with the options of ajv-setup.ts (allErrors, no strict numbers,
 * unicode patterns): keywords run in ajv's rule order (those of any type, then the number,
 * string, array and object groups); the type is checked first unless the schema has keywords of
 * its one type's group, in which case a wrong type is reported where that group would run; anyOf
 * stops at its first passing branch, oneOf at the second; `not` and passing branches leave no
 * errors. A schema with anything else (a keyword the converter never writes, a value of the wrong
 * shape, a pattern that is not a valid regular expression, a `$ref` beside other keywords) gets
 * no interpreted validator: it is compiled by ajv, which also reports such schemas as ajv does.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { FORMATS } from './formats.js';
import type { SchemaNode } from './catalog-types.js';
import { definitionToJsonSchema, type StructuralMode } from './to-json-schema.js';
import { alwaysValid, escapePointer, GROUP_KEYWORDS, GROUPS, isSchema, isType, LIMITS, supported, walkableNode, type Group, type Schema } from './walkable.js';

const require = createRequire(import.meta.url);
// ajv's own runtime helpers, so equality and string length are exactly those of compiled code.
const equal = (require('ajv/dist/runtime/equal') as { default: (a: unknown, b: unknown) => boolean }).default;
const ucs2length = (require('ajv/dist/runtime/ucs2length') as { default: (s: string) => number }).default;

/** ajv's threshold above which enum values are all compared with deep equality. */
const LOOP_ENUM = 200;

/** What the walk knows about one schema object, worked out on first use. */
interface Plan {
  types: string[];
  /** The type is checked before any keyword (not where its group runs). */
  typeFirst: boolean;
  groups: Group[];
  /** Property names ajv considers (`__proto__` never is). */
  props: string[];
  additional: 'none' | 'false' | 'schema';
}

/** How `$ref`s are followed: which definitions exist, and their validators. */
export interface RefResolver {
  has(definition: string): boolean;
  get(definition: string): ValidateFunction;
}

interface Context {
  errors: ErrorObject[];
  root: unknown;
}

/**
 * A validator that walks `schema`, a schema already converted whole (see to-json-schema.ts);
 * `$ref`s are validated by the resolver's validators, as compiled code calls the referenced
 * validator. Undefined when the schema has something the walk does not follow. The checker walks
 * catalog definitions with `definitionWalker` instead; this entry is the reference its check
 * before conversion is held to (the agreement tests walk converted schemas with it too).
 */
export function interpretedValidator(schema: Schema, resolve: RefResolver): ValidateFunction | undefined {
  const patterns = new Map<string, RegExp>();
  const hasRef = (ref: string): boolean => {
    const name = nameOf(ref);
    return name !== undefined && resolve.has(name);
  };
  return supported(schema, patterns, hasRef) ? walker(schema, patterns, resolve) : undefined;
}

/**
 * The walking validator of a catalog definition, checked before it is converted and converted as
 * the walk reaches each part (`nodeToJsonSchema` with `lazy`): the walk of a custom resource
 * converts the part of a large CRD schema the object uses. Undefined when the definition has
 * something the walk may not follow (see walkableNode).
 */
export function definitionWalker(name: string, node: SchemaNode, hasObjectMeta: boolean, structural: StructuralMode | undefined, resolve: RefResolver): ValidateFunction | undefined {
  const patterns = new Map<string, RegExp>();
  if (!walkableNode(node, patterns, (definition) => resolve.has(definition), hasObjectMeta)) return undefined;
  return walker(definitionToJsonSchema(name, node, hasObjectMeta, structural, true), patterns, resolve);
}

function nameOf(ref: string): string | undefined {
  return ref.startsWith('k8s:') ? decodeURIComponent(ref.slice(4)) : undefined;
}

/** The validator of a schema known to be walkable, whose patterns are compiled in `patterns`. */
function walker(schema: Schema, patterns: Map<string, RegExp>, resolve: RefResolver): ValidateFunction {
  const refs = new Map<string, ValidateFunction>();
  /** Referenced validators are asked for on first use: definitions may refer to each other in a cycle. */
  const target = (ref: string): ValidateFunction => {
    let found = refs.get(ref);
    if (!found) {
      found = resolve.get(nameOf(ref) as string);
      refs.set(ref, found);
    }
    return found;
  };
  const plans = new WeakMap<Schema, Plan>();

  function planOf(s: Schema): Plan {
    let plan = plans.get(s);
    if (plan) return plan;
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    const groups = GROUPS.filter((g) => GROUP_KEYWORDS[g].some((k) => s[k] !== undefined));
    const typeFirst = types.length > 0 && !(types.length === 1 && groups.includes(types[0] as Group));
    const props = isSchema(s.properties) ? Object.keys(s.properties).filter((p) => p !== '__proto__') : [];
    const additional = s.additionalProperties === false ? 'false' : s.additionalProperties === undefined || alwaysValid(s.additionalProperties) ? 'none' : 'schema';
    plan = { types, typeFirst, groups, props, additional };
    plans.set(s, plan);
    return plan;
  }

  function fail(ctx: Context, instancePath: string, schemaPath: string, keyword: string, params: Record<string, unknown>, message: string): void {
    ctx.errors.push({ instancePath, schemaPath, keyword, params, message });
  }

  function typeError(ctx: Context, s: Schema, path: string, sp: string): void {
    fail(ctx, path, `${sp}/type`, 'type', { type: s.type }, `must be ${String(s.type)}`);
  }

  /** Validates `data` against `s`, adding errors; true when it passes. */
  function walk(s: Schema, data: unknown, path: string, sp: string, ctx: Context, parent: unknown, property: string | number | undefined): boolean {
    const before = ctx.errors.length;
    if (s.$ref !== undefined) {
      const validate = target(s.$ref as string);
      if (validate(data, { instancePath: path, parentData: parent, parentDataProperty: property, rootData: ctx.root } as never)) return true;
      for (const e of validate.errors ?? []) ctx.errors.push(e);
      return false;
    }
    const plan = planOf(s);
    if (plan.typeFirst && !plan.types.some((t) => isType(t, data))) typeError(ctx, s, path, sp);
    if (s.enum !== undefined) enumKeyword(s.enum as unknown[], data, ctx, path, sp);
    if (s.not !== undefined) {
      const inner = s.not as Schema;
      if (alwaysValid(inner) || quiet(inner, data, path, sp, ctx, parent, property)) fail(ctx, path, `${sp}/not`, 'not', {}, 'must NOT be valid');
    }
    if (s.anyOf !== undefined) anyOf(s.anyOf as Schema[], data, path, sp, ctx, parent, property);
    if (s.oneOf !== undefined) oneOf(s.oneOf as Schema[], data, path, sp, ctx, parent, property);
    if (s.allOf !== undefined) {
      (s.allOf as Schema[]).forEach((branch, i) => {
        if (!alwaysValid(branch)) walk(branch, data, path, `${sp}/allOf/${i}`, ctx, parent, property);
      });
    }
    for (const group of plan.groups) {
      if (!isType(group, data)) {
        if (plan.types.length === 1 && plan.types[0] === group) typeError(ctx, s, path, sp);
        continue;
      }
      if (group === 'number') numberKeywords(s, data as number, path, sp, ctx);
      else if (group === 'string') stringKeywords(s, data as string, path, sp, ctx);
      else if (group === 'array') arrayKeywords(s, data as unknown[], path, sp, ctx);
      else objectKeywords(s, plan, data as Record<string, unknown>, path, sp, ctx);
    }
    return ctx.errors.length === before;
  }

  /** Whether `data` passes, leaving no errors behind (for `not`). */
  function quiet(s: Schema, data: unknown, path: string, sp: string, ctx: Context, parent: unknown, property: string | number | undefined): boolean {
    const before = ctx.errors.length;
    const valid = walk(s, data, path, sp, ctx, parent, property);
    ctx.errors.length = before;
    return valid;
  }

  function enumKeyword(values: unknown[], data: unknown, ctx: Context, path: string, sp: string): void {
    const loop = values.length >= LOOP_ENUM;
    const ok = values.some((v) => (loop || (typeof v === 'object' && v !== null) ? equal(data, v) : data === v));
    if (!ok) fail(ctx, path, `${sp}/enum`, 'enum', { allowedValues: values }, 'must be equal to one of the allowed values');
  }

  function anyOf(branches: Schema[], data: unknown, path: string, sp: string, ctx: Context, parent: unknown, property: string | number | undefined): void {
    if (branches.some(alwaysValid)) return;
    const before = ctx.errors.length;
    for (let i = 0; i < branches.length; i++) {
      if (walk(branches[i] as Schema, data, path, `${sp}/anyOf/${i}`, ctx, parent, property)) {
        ctx.errors.length = before;
        return;
      }
    }
    fail(ctx, path, `${sp}/anyOf`, 'anyOf', {}, 'must match a schema in anyOf');
  }

  function oneOf(branches: Schema[], data: unknown, path: string, sp: string, ctx: Context, parent: unknown, property: string | number | undefined): void {
    const before = ctx.errors.length;
    let valid = false;
    let passing: unknown = null;
    for (let i = 0; i < branches.length; i++) {
      const branch = branches[i] as Schema;
      const passed = alwaysValid(branch) || walk(branch, data, path, `${sp}/oneOf/${i}`, ctx, parent, property);
      if (i > 0 && passed && valid) {
        valid = false;
        passing = [passing, i];
        break;
      }
      if (passed) {
        valid = true;
        passing = i;
      }
    }
    if (valid) ctx.errors.length = before;
    else fail(ctx, path, `${sp}/oneOf`, 'oneOf', { passingSchemas: passing }, 'must match exactly one schema in oneOf');
  }

  function formatKeyword(s: Schema, group: 'number' | 'string', data: unknown, path: string, sp: string, ctx: Context): void {
    const name = s.format as string;
    const format = Object.prototype.hasOwnProperty.call(FORMATS, name) ? FORMATS[name] : undefined;
    if (format && format.type === group && !(format.validate as (v: unknown) => boolean)(data)) {
      fail(ctx, path, `${sp}/format`, 'format', { format: name }, `must match format "${name}"`);
    }
  }

  function numberKeywords(s: Schema, data: number, path: string, sp: string, ctx: Context): void {
    for (const keyword of ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']) {
      const limit = s[keyword];
      if (typeof limit !== 'number') continue;
      const [ok, fails] = LIMITS[keyword] as [string, (d: number, l: number) => boolean];
      if (fails(data, limit) || isNaN(data)) fail(ctx, path, `${sp}/${keyword}`, keyword, { comparison: ok, limit }, `must be ${ok} ${limit}`);
    }
    const multiple = s.multipleOf;
    if (typeof multiple === 'number') {
      const res = data / multiple;
      if (multiple === 0 || res !== parseInt(String(res))) fail(ctx, path, `${sp}/multipleOf`, 'multipleOf', { multipleOf: multiple }, `must be multiple of ${multiple}`);
    }
    if (s.format !== undefined) formatKeyword(s, 'number', data, path, sp, ctx);
  }

  function stringKeywords(s: Schema, data: string, path: string, sp: string, ctx: Context): void {
    for (const keyword of ['maxLength', 'minLength']) {
      const limit = s[keyword];
      if (typeof limit !== 'number') continue;
      const length = ucs2length(data);
      if (keyword === 'maxLength' ? length > limit : length < limit) {
        fail(ctx, path, `${sp}/${keyword}`, keyword, { limit }, `must NOT have ${keyword === 'maxLength' ? 'more' : 'fewer'} than ${limit} characters`);
      }
    }
    if (typeof s.pattern === 'string' && !(patterns.get(s.pattern) as RegExp).test(data)) {
      fail(ctx, path, `${sp}/pattern`, 'pattern', { pattern: s.pattern }, `must match pattern "${s.pattern}"`);
    }
    if (s.format !== undefined) formatKeyword(s, 'string', data, path, sp, ctx);
  }

  function arrayKeywords(s: Schema, data: unknown[], path: string, sp: string, ctx: Context): void {
    for (const keyword of ['maxItems', 'minItems']) {
      const limit = s[keyword];
      if (typeof limit !== 'number') continue;
      if (keyword === 'maxItems' ? data.length > limit : data.length < limit) {
        fail(ctx, path, `${sp}/${keyword}`, keyword, { limit }, `must NOT have ${keyword === 'maxItems' ? 'more' : 'fewer'} than ${limit} items`);
      }
    }
    const items = s.items;
    if (items !== undefined && !alwaysValid(items)) {
      for (let i = 0; i < data.length; i++) walk(items as Schema, data[i], `${path}/${i}`, `${sp}/items`, ctx, data, i);
    }
    if (s.uniqueItems === true) uniqueItems(s, data, path, sp, ctx);
  }

  /** ajv's two ways of finding a duplicate: by value for items of scalar types, else pairwise. */
  function uniqueItems(s: Schema, data: unknown[], path: string, sp: string, ctx: Context): void {
    if (data.length <= 1) return;
    const itemTypes = isSchema(s.items) ? planOf(s.items).types : [];
    let duplicate: [i: number, j: number] | undefined;
    if (itemTypes.length > 0 && !itemTypes.some((t) => t === 'object' || t === 'array')) {
      const indices: Record<string, unknown> = {};
      for (let i = data.length; i--; ) {
        let item = data[i];
        if (!itemTypes.some((t) => isType(t, item))) continue;
        if (itemTypes.length > 1 && typeof item === 'string') item += '_';
        const key = item as string;
        if (typeof indices[key] === 'number') {
          duplicate = [i, indices[key] as number];
          break;
        }
        indices[key] = i;
      }
    } else {
      outer: for (let i = data.length; i--; ) {
        for (let j = i; j--; ) {
          if (equal(data[i], data[j])) {
            duplicate = [i, j];
            break outer;
          }
        }
      }
    }
    if (duplicate) {
      const [i, j] = duplicate;
      fail(ctx, path, `${sp}/uniqueItems`, 'uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
    }
  }

  function objectKeywords(s: Schema, plan: Plan, data: Record<string, unknown>, path: string, sp: string, ctx: Context): void {
    for (const keyword of ['maxProperties', 'minProperties']) {
      const limit = s[keyword];
      if (typeof limit !== 'number') continue;
      const count = Object.keys(data).length;
      if (keyword === 'maxProperties' ? count > limit : count < limit) {
        fail(ctx, path, `${sp}/${keyword}`, keyword, { limit }, `must NOT have ${keyword === 'maxProperties' ? 'more' : 'fewer'} than ${limit} properties`);
      }
    }
    if (Array.isArray(s.required)) {
      for (const name of s.required as string[]) {
        if (data[name] === undefined) fail(ctx, path, `${sp}/required`, 'required', { missingProperty: name }, `must have required property '${name}'`);
      }
    }
    if (plan.additional !== 'none') {
      const properties = s.properties as Schema | undefined;
      const { props } = plan;
      const many = props.length > 8;
      for (const key in data) {
        if (props.length > 0 && (many ? Object.prototype.hasOwnProperty.call(properties, key) : props.includes(key))) continue;
        if (plan.additional === 'false') {
          fail(ctx, path, `${sp}/additionalProperties`, 'additionalProperties', { additionalProperty: key }, 'must NOT have additional properties');
        } else {
          walk(s.additionalProperties as Schema, data[key], `${path}/${escapePointer(key)}`, `${sp}/additionalProperties`, ctx, data, key);
        }
      }
    }
    if (plan.props.length > 0) {
      const properties = s.properties as Schema;
      for (const name of plan.props) {
        const child = properties[name];
        if (alwaysValid(child) || data[name] === undefined) continue;
        walk(child as Schema, data[name], `${path}/${escapePointer(name)}`, `${sp}/properties/${encodeURIComponent(escapePointer(name))}`, ctx, data, name);
      }
    }
  }

  // Called as compiled code is: alone, or from another validator's `$ref` with where the data is.
  const validate = ((data: unknown, at?: { instancePath?: string; parentData?: unknown; parentDataProperty?: string | number; rootData?: unknown }) => {
    const ctx: Context = { errors: [], root: at?.rootData ?? data };
    const valid = walk(schema, data, at?.instancePath ?? '', '#', ctx, at?.parentData, at?.parentDataProperty);
    validate.errors = valid ? null : ctx.errors;
    return valid;
  }) as ValidateFunction;
  validate.errors = null;
  return validate;
}

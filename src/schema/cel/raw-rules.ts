/**
 * The CEL rules of a CRD version, read from its `openAPIV3Schema` as the CRD gives it: the same
 * rules `CelValidator.allRules` finds in the root schema `catalogFromCRD` converts it to, without
 * converting it. The census of rules that are not evaluated counts every given schema, and a
 * CRD version with no custom resource in the run is otherwise never converted.
 *
 * It follows what the conversion keeps (from-openapi.ts `toSchemaNode`, from-crd.ts `rootSchema`):
 * a node's `$ref`, or a one-member `allOf` holding a `$ref`, stands for the definition it names
 * when the catalog has it; `allOf` members add their rules at the node; properties, `items` and an
 * object `additionalProperties` are the children; the root's `metadata` is replaced by ObjectMeta.
 * Definitions reached through a `$ref` are walked by the validator itself, with its own bookkeeping.
 */
import type { JsonObject, JsonValue } from '../../types.js';
import type { SchemaNode } from '../catalog-types.js';
import { isObject } from '../../parse/resources.js';
import { refName } from '../from-openapi.js';
import { OBJECT_META } from '../to-json-schema.js';
import { validationRules, type ValidationRule } from './rules.js';
import type { CelValidator } from './validator.js';
import type { Resolve } from './values.js';

/** The `$ref` the conversion gives a node: its own, or else that of a one-member `allOf`. */
function refOf(raw: JsonObject): string | undefined {
  if (typeof raw.$ref === 'string') return refName(raw.$ref);
  const member = Array.isArray(raw.allOf) && raw.allOf.length === 1 ? raw.allOf[0] : undefined;
  return isObject(member) && typeof member.$ref === 'string' ? refName(member.$ref) : undefined;
}

/** The `allOf` members the conversion keeps (a one-member `allOf` that became the `$ref` is gone). */
function allOfOf(raw: JsonObject): JsonValue[] {
  if (!Array.isArray(raw.allOf)) return [];
  return typeof raw.$ref !== 'string' && refOf(raw) !== undefined ? [] : raw.allOf;
}

/**
 * Calls `visit` with each child schema under `properties`. `__proto__` is left out: the conversion
 * assigns properties one by one, and that name sets the prototype of the new object instead of
 * adding a field.
 */
function eachProperty(raw: JsonObject, visit: (name: string, child: JsonValue) => void): void {
  const properties = raw.properties;
  if (!isObject(properties)) return;
  for (const name of Object.keys(properties)) if (name !== '__proto__') visit(name, properties[name] as JsonValue);
}

export class RawRules {
  constructor(
    private readonly validator: CelValidator,
    private readonly resolve: Resolve,
  ) {}

  /** Every rule of the root schema made from `raw` (an `openAPIV3Schema`, or undefined). */
  ofRoot(raw: JsonValue | undefined): ValidationRule[] {
    const out: ValidationRule[] = [];
    const seen = new Set<SchemaNode>();
    // A version without a usable schema still gets the ObjectMeta `metadata` field.
    if (!isObject(raw)) return this.validator.allRules({ $ref: OBJECT_META }, out, seen);
    const target = this.target(raw);
    if (target) return this.validator.allRules(target, out, seen);
    out.push(...this.rulesAt(raw));
    eachProperty(raw, (name, child) => {
      if (name !== 'metadata') this.collect(child, out, seen);
    });
    this.validator.allRules({ $ref: OBJECT_META }, out, seen);
    this.children(raw, out, seen);
    return out;
  }

  /** A `{ $ref }` node for the definition the raw node stands for; undefined when it stands for itself. */
  private target(raw: JsonObject): SchemaNode | undefined {
    const ref = refOf(raw);
    if (ref === undefined) return undefined;
    const probe: SchemaNode = { $ref: ref };
    return this.resolve(probe) === probe ? undefined : probe;
  }

  private rulesAt(raw: JsonValue): ValidationRule[] {
    if (!isObject(raw)) return [];
    const target = this.target(raw);
    if (target) return this.validator.rulesAt(this.resolve(target));
    const own = validationRules(raw['x-kubernetes-validations']);
    for (const member of allOfOf(raw)) own.push(...this.rulesAt(member));
    return own;
  }

  private collect(raw: JsonValue, out: ValidationRule[], seen: Set<SchemaNode>): void {
    if (!isObject(raw)) return;
    // Most nodes have neither a reference nor rules: they are only walked through.
    if (raw.$ref !== undefined || raw.allOf !== undefined) {
      const target = this.target(raw);
      if (target) {
        this.validator.allRules(target, out, seen);
        return;
      }
    }
    if (raw['x-kubernetes-validations'] !== undefined || raw.allOf !== undefined) out.push(...this.rulesAt(raw));
    eachProperty(raw, (_, child) => this.collect(child, out, seen));
    this.children(raw, out, seen);
  }

  /** `items` (one schema, not a tuple) and an object `additionalProperties`. */
  private children(raw: JsonObject, out: ValidationRule[], seen: Set<SchemaNode>): void {
    if (raw.items !== undefined && !Array.isArray(raw.items)) this.collect(raw.items, out, seen);
    if (isObject(raw.additionalProperties)) this.collect(raw.additionalProperties, out, seen);
  }
}

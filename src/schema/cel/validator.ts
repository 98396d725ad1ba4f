/**
 * Runs the `x-kubernetes-validations` rules of a schema over an object, the way the API server's
 * CEL validator does (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go,
 * Validator.validate and validateExpressions):
 *
 * - a rule runs once for every value at its node (each list item, each map value), with `self`
 *   bound to that value, typed per the schema; null values are not validated;
 * - rules of `allOf` members run at the node that has the `allOf`;
 * - a rule that is false is reported at its node, or at node + `fieldPath`, with the evaluated
 *   `messageExpression`, else `message`, else `failed rule: <rule>`;
 * - a rule that errors (no such key, index out of bounds, overflow) is reported at its node as
 *   `<error> evaluating rule: <message or rule>`;
 * - transition rules (reading `oldSelf`) run only on updates; a lint sees new objects, so they
 *   are skipped, except `optionalOldSelf` ones, which run with `oldSelf` unset.
 *
 * The object should be the one the API server validates: with the schema's defaults applied.
 */
import type { JsonValue, Path, PathSegment, Target } from '../../types.js';
import type { SchemaNode } from '../catalog-types.js';
import { isObject } from '../../parse/resources.js';
import { fieldPath } from '../messages.js';
import { CelEngine, type SkipReason } from './engine.js';
import { parseFieldPath, validationRules, type ValidationRule } from './rules.js';
import { toCelValue, type Resolve } from './values.js';

export interface CelProblem {
  path: Path;
  on: Target;
  message: string;
}

export interface SkippedRule {
  rule: string;
  reason: SkipReason;
  detail: string;
}

export interface CelResult {
  problems: CelProblem[];
  /** Rules that were met on this object but not evaluated (once per rule text). */
  skipped: SkippedRule[];
}

/** The API server's ruleErrorString: the trimmed message, else the trimmed rule. */
function ruleText(rule: ValidationRule): string {
  return rule.message !== undefined ? rule.message.trim() : rule.rule.trim();
}

function prefix(path: Path): string {
  const text = fieldPath(path);
  return text === '' ? '' : `${text}: `;
}

export class CelValidator {
  private readonly withRules = new WeakMap<SchemaNode, boolean>();

  constructor(
    private readonly engine: CelEngine,
    private readonly resolve: Resolve,
  ) {}

  /** Rules at this node, its `allOf` members' included. */
  rulesAt(node: SchemaNode): ValidationRule[] {
    const own = validationRules(node['x-kubernetes-validations']);
    for (const member of node.allOf ?? []) own.push(...this.rulesAt(this.resolve(member)));
    return own;
  }

  /** True when this node or any node below it carries rules. */
  hasRules(node: SchemaNode): boolean {
    const schema = this.resolve(node);
    const known = this.withRules.get(schema);
    if (known !== undefined) return known;
    this.withRules.set(schema, false); // guards against cycles through $ref
    // Most nodes have neither rules nor allOf members: no need to list their rules.
    let found = (schema['x-kubernetes-validations'] !== undefined || schema.allOf !== undefined) && this.rulesAt(schema).length > 0;
    const properties = schema.properties;
    if (!found && properties) {
      for (const key of Object.keys(properties)) {
        if (this.hasRules(properties[key]!)) {
          found = true;
          break;
        }
      }
    }
    if (!found && schema.items) found = this.hasRules(schema.items);
    if (!found && typeof schema.additionalProperties === 'object') found = this.hasRules(schema.additionalProperties);
    this.withRules.set(schema, found);
    return found;
  }

  /** Every rule text under `node`, for counting what compiles. */
  allRules(node: SchemaNode, out: ValidationRule[] = [], seen = new Set<SchemaNode>()): ValidationRule[] {
    const schema = this.resolve(node);
    if (seen.has(schema) || !this.hasRules(schema)) return out;
    seen.add(schema);
    out.push(...this.rulesAt(schema));
    for (const child of Object.values(schema.properties ?? {})) this.allRules(child, out, seen);
    if (schema.items) this.allRules(schema.items, out, seen);
    if (typeof schema.additionalProperties === 'object') this.allRules(schema.additionalProperties, out, seen);
    return out;
  }

  validate(root: SchemaNode, object: JsonValue): CelResult {
    const result: CelResult = { problems: [], skipped: [] };
    this.visit(root, object, [], true, result);
    return result;
  }

  private visit(node: SchemaNode, value: JsonValue | undefined, path: PathSegment[], resourceRoot: boolean, result: CelResult): void {
    if (value === null || value === undefined) return;
    const schema = this.resolve(node);
    if (!this.hasRules(schema)) return;
    const rules = this.rulesAt(schema);
    if (rules.length > 0) {
      const self = toCelValue(value, schema, this.resolve, resourceRoot);
      const on: Target = typeof value === 'object' ? 'key' : 'value';
      for (const rule of rules) this.run(rule, self, path, on, result);
    }
    if (Array.isArray(value)) {
      const items = schema.items;
      if (items) value.forEach((item, i) => this.visit(items, item, [...path, i], items['x-kubernetes-embedded-resource'] === true, result));
    } else if (isObject(value)) {
      const additional = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
      for (const [key, child] of Object.entries(value)) {
        const property = schema.properties?.[key] ?? additional;
        if (property) this.visit(property, child, [...path, key], property['x-kubernetes-embedded-resource'] === true, result);
      }
    }
  }

  private skip(result: CelResult, rule: string, reason: SkipReason, detail: string): void {
    if (!result.skipped.some((s) => s.rule === rule)) result.skipped.push({ rule, reason, detail });
  }

  private run(rule: ValidationRule, self: unknown, path: Path, on: Target, result: CelResult): void {
    const compiled = this.engine.compile(rule.rule);
    if (!compiled.ok) return this.skip(result, rule.rule, compiled.reason, compiled.detail);
    if (compiled.usesOldSelf && rule.optionalOldSelf !== true) return this.skip(result, rule.rule, 'transition', 'reads oldSelf');
    const outcome = CelEngine.evaluate(compiled.run, self, rule.optionalOldSelf === true);
    if (outcome.kind === 'unsupported') return this.skip(result, rule.rule, 'unsupported', outcome.detail);
    if (outcome.kind === 'error') {
      result.problems.push({ path, on, message: `${prefix(path)}${outcome.message} evaluating rule: ${ruleText(rule)}` });
      return;
    }
    if (outcome.value === true) return;
    if (outcome.value !== false) return this.skip(result, rule.rule, 'unsupported', 'does not give a bool');
    const relative = rule.fieldPath !== undefined ? parseFieldPath(rule.fieldPath) : undefined;
    const at = relative ? [...path, ...relative] : path;
    result.problems.push({ path: at, on: relative && relative.length > 0 ? 'key' : on, message: `${prefix(at)}${this.detail(rule, self)}` });
  }

  /** The API server's detail: messageExpression when it gives a usable string, else the message. */
  private detail(rule: ValidationRule, self: unknown): string {
    if (rule.messageExpression !== undefined) {
      const compiled = this.engine.compile(rule.messageExpression);
      if (compiled.ok && !compiled.usesOldSelf) {
        const outcome = CelEngine.evaluate(compiled.run, self);
        if (outcome.kind === 'value' && typeof outcome.value === 'string') {
          const text = outcome.value.trim();
          if (text !== '' && !text.includes('\n')) return text;
        }
      }
    }
    return rule.message !== undefined ? rule.message.trim() : `failed rule: ${rule.rule.trim()}`;
  }
}

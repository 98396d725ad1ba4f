import type { Path } from '../types.js';
import { asArray, asObject, asString, scalarText } from './values.js';

export type LabelMap = Record<string, string>;

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One requirement of a selector, with the path of the entry that states it (for pointing at it). */
export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
  path: Path;
  /** True for a `matchLabels`/plain-map entry (`key: value`), false for a `matchExpressions` item. */
  fromMap: boolean;
}

/** The string-valued entries of a label map; `undefined` when the value is not a mapping. */
export function labelMapOf(value: unknown): LabelMap | undefined {
  const obj = asObject(value);
  if (!obj) return undefined;
  const out: LabelMap = {};
  for (const [key, v] of Object.entries(obj)) {
    const text = scalarText(v);
    if (text !== undefined) out[key] = text;
  }
  return out;
}

/** A plain `key: value` selector (ReplicationController, Service): every entry is an equality. */
export function mapRequirements(value: unknown, path: Path): Requirement[] {
  const map = labelMapOf(value);
  if (!map) return [];
  return Object.entries(map).map(([key, v]) => ({ key, operator: 'In', values: [v], path: [...path, key], fromMap: true }));
}

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/**
 * A `LabelSelector` (`matchLabels` + `matchExpressions`). Expressions with an unknown operator or a
 * missing key are skipped: they are the schema check's to report, and guessing their meaning would
 * only add noise.
 */
export function labelSelectorRequirements(value: unknown, path: Path): Requirement[] {
  const selector = asObject(value);
  if (!selector) return [];
  const out = mapRequirements(selector.matchLabels, [...path, 'matchLabels']);
  asArray(selector.matchExpressions)?.forEach((item, i) => {
    const expr = asObject(item);
    const key = asString(expr?.key);
    const operator = asString(expr?.operator);
    if (!expr || key === undefined || operator === undefined || !OPERATORS.includes(operator)) return;
    const values = (asArray(expr.values) ?? []).map(scalarText).filter((v): v is string => v !== undefined);
    out.push({ key, operator: operator as Operator, values, path: [...path, 'matchExpressions', i], fromMap: false });
  });
  return out;
}

/** True when a label set satisfies one requirement, with the semantics of the API machinery. */
export function requirementMatches(req: Requirement, labels: LabelMap): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  switch (req.operator) {
    case 'In':
      return has && req.values.includes(labels[req.key]!);
    case 'NotIn':
      return !has || !req.values.includes(labels[req.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** A selector is the AND of its requirements; an empty list matches every label set. */
export function selectorMatches(reqs: readonly Requirement[], labels: LabelMap): boolean {
  return reqs.every((r) => requirementMatches(r, labels));
}

/** `app=web`, `tier in (a,b)`, `!canary`: the kubectl `-l` spelling of a requirement. */
export function describeRequirement(req: Requirement): string {
  switch (req.operator) {
    case 'In':
      return req.values.length === 1 ? `${req.key}=${req.values[0]}` : `${req.key} in (${req.values.join(',')})`;
    case 'NotIn':
      return `${req.key} notin (${req.values.join(',')})`;
    case 'Exists':
      return req.key;
    case 'DoesNotExist':
      return `!${req.key}`;
  }
}

/** `app: web, tier: db` — a label map the way it reads in YAML. */
export function describeLabels(labels: LabelMap, keys?: readonly string[]): string {
  const entries = Object.entries(labels).filter(([k]) => !keys || keys.includes(k));
  return entries.length === 0 ? '(no labels)' : entries.map(([k, v]) => `${k}: ${v}`).join(', ');
}

import type { Rule, RuleMeta } from './define-rule.js';
import { parseRules } from './parse-rules.js';
import requiredFields from './required-fields.js';

/** Rules that look at resources, sorted by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const resourceRules: readonly Rule<string, any, any>[] = [requiredFields];

/** Every check with an id, from every stage, sorted by id: the single list behind `k8s-lint rules`. */
export function allRuleMetas(): RuleMeta[] {
  return [...parseRules, ...resourceRules].sort((a, b) => a.id.localeCompare(b.id));
}

export function findRuleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas().find((r) => r.id === id);
}

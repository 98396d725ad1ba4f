import { commandRules } from '../commands/index.js';
import { SCHEMA_RULES } from '../schema/rule-metas.js';
import type { RuleMeta } from './define-rule.js';

/** Checks of the kubectl-command stage, as rule metadata for listing and configuration. */
export const commandRuleMetas: readonly RuleMeta[] = commandRules.map((r) => ({
  id: r.id,
  description: r.description,
  severity: r.severity,
  recommended: true,
  category: 'commands',
}));

/** Checks of the schema stage (the stage itself is loaded only when a lint runs). */
export const schemaRuleMetas: readonly RuleMeta[] = SCHEMA_RULES.map((r) => ({
  id: r.id,
  description: r.description,
  severity: r.severity,
  recommended: r.recommended,
  category: 'schema',
}));

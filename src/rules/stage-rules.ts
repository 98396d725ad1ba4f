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

/** The id under which unused and unknown suppressions are reported (configurable like any rule). */
export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';

/** Checks of the suppression stage. */
export const suppressionRuleMetas: readonly RuleMeta[] = [
  {
    id: UNUSED_DIRECTIVE_ID,
    description: 'Report k8s-lint-disable comments and k8s-lint.io/ignore annotations that suppress nothing or name an unknown rule',
    severity: 'warning',
    recommended: true,
    category: 'best-practice',
  },
];


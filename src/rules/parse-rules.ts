import type { RuleMeta } from './define-rule.js';

/** Checks made by the parse layer itself; listed here so they can be configured and documented by id. */
export const parseRules: readonly RuleMeta[] = [
  {
    id: 'duplicate-key',
    description: 'Disallow the same key twice in one mapping',
    severity: 'error',
    recommended: true,
    category: 'syntax',
  },
  {
    id: 'unrendered-template',
    description: 'Report Helm templates and Kustomize patches that must be rendered before they can be linted',
    severity: 'error',
    recommended: true,
    category: 'syntax',
  },
  {
    id: 'yaml-syntax',
    description: 'Report YAML syntax errors, tab indentation and `key:value` without a space',
    severity: 'error',
    recommended: true,
    category: 'syntax',
  },
];

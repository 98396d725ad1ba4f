/**
 * Linting kubectl command lines where people write them: shell scripts, Makefile recipes,
 * Markdown code blocks, plain-text notes and CI steps.
 */
import type { Severity } from '../types.js';
import { COMMAND_RULES } from './rules/index.js';

export { lintCommandText, type CommandLintOptions } from './lint-commands.js';
export { detectCommandLanguage } from './language.js';
export { extractMarkdownYamlBlocks } from './markdown.js';
export type { CommandLanguage } from './region.js';
export { KUBECTL_VERSION } from './flag-table.js';

export interface CommandRuleInfo {
  id: string;
  severity: Severity;
  description: string;
  /** Path of the rule's documentation page, relative to the package root. */
  docs: string;
}

/** Metadata of the command rules, for `k8s-lint rules`. */
export const commandRules: readonly CommandRuleInfo[] = COMMAND_RULES.map((rule) => ({
  id: rule.id,
  severity: rule.severity,
  description: rule.description,
  docs: `docs/rules/${rule.id}.md`,
}));

export { lint, lintSources, lintText, BUNDLED_KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION } from './engine/lint.js';
export type { LintOptions, RuleConfigValue } from './engine/lint.js';
export { UsageError } from './input/usage-error.js';
export { allRuleMetas } from './rules/index.js';
export type { RuleMeta } from './rules/define-rule.js';
export { runExplain, runApiResources, runApiVersions } from './explain/index.js';
export type { ExplainArgs, CommandResult } from './explain/index.js';
export type { Finding, LintResult, LintSummary, Resource, ResourceRef, Severity, Span, SourceFile } from './types.js';

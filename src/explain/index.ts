/** `k8s-lint explain`, `api-resources` and `api-versions`: kubectl's answers without a cluster. */
export { runExplain, EXPLAIN_OUTPUTS } from './run-explain.js';
export type { ExplainArgs, ExplainOutput, CommandResult } from './run-explain.js';
export { runApiResources, runApiVersions } from './api-resources.js';
export type { ApiResourcesArgs, ApiVersionsArgs } from './api-resources.js';

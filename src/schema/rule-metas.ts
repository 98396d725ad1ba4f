import type { Severity } from '../types.js';

export const SCHEMA_RULE_IDS = ['cel-validation', 'crd-schema', 'list-map-key', 'missing-schema', 'schema', 'unknown-api'] as const;
export type SchemaRuleId = (typeof SCHEMA_RULE_IDS)[number];

/** What the rule registry needs to know about the ids this stage reports (docs: docs/rules/<id>.md). */
export const SCHEMA_RULES: readonly { id: SchemaRuleId; description: string; severity: Severity; recommended: boolean }[] = [
  { id: 'cel-validation', description: 'Evaluate the CEL rules (x-kubernetes-validations) of CustomResourceDefinitions on custom resources', severity: 'error', recommended: true },
  { id: 'crd-schema', description: 'Check CustomResourceDefinitions as the API server does (names, versions, structural schema)', severity: 'error', recommended: true },
  { id: 'list-map-key', description: 'Report duplicate keys in keyed lists (container names, ports, env vars)', severity: 'error', recommended: true },
  { id: 'missing-schema', description: 'Report objects with no schema to check against (only with requireSchemas)', severity: 'error', recommended: true },
  { id: 'schema', description: 'Check objects against the OpenAPI schema of their kind', severity: 'error', recommended: true },
  { id: 'unknown-api', description: 'Report built-in kinds asked for in an apiVersion that does not serve them', severity: 'error', recommended: true },
];


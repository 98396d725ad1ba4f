import type { LintResult } from '../types.js';

/** Version of the JSON output shape; bumped on any incompatible change. Documented in docs/output.md. */
export const JSON_FORMAT_VERSION = 1;

/** Stable, documented JSON: keys in a fixed order, findings already sorted. */
export function formatJson(result: LintResult): string {
  const findings = result.findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    severity: f.severity,
    ruleId: f.ruleId,
    message: f.message,
    ...(f.hint ? { hint: f.hint } : {}),
    pointer: f.pointer,
    resource: f.resource
      ? {
          ...(f.resource.apiVersion ? { apiVersion: f.resource.apiVersion } : {}),
          ...(f.resource.kind ? { kind: f.resource.kind } : {}),
          ...(f.resource.namespace ? { namespace: f.resource.namespace } : {}),
          ...(f.resource.name ? { name: f.resource.name } : {}),
          document: f.resource.document,
        }
      : null,
  }));
  const s = result.summary;
  const summary = { files: s.files, resources: s.resources, errors: s.errors, warnings: s.warnings, infos: s.infos, unchecked: s.unchecked, notices: s.notices, ...(s.fixed !== undefined ? { fixed: s.fixed } : {}) };
  return JSON.stringify({ version: JSON_FORMAT_VERSION, findings, summary }, null, 2) + '\n';
}

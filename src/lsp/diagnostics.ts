/** Findings as LSP diagnostics: the same ranges, rule ids and messages as the command line, with the rule's page. */
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { docsUrl } from '../rules/define-rule.js';
import { allRuleMetas } from '../rules/index.js';
import type { Finding, Span } from '../types.js';

export const SOURCE = 'k8s-lint';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

let documented: Set<string> | undefined;

/** Spans are 1-based with an exclusive end column; LSP positions are 0-based, with an exclusive end too. */
export function rangeOf(span: Span): Range {
  return {
    start: { line: span.line - 1, character: span.column - 1 },
    end: { line: span.endLine - 1, character: span.endColumn - 1 },
  };
}

export function toDiagnostic(finding: Finding): Diagnostic {
  documented ??= new Set(allRuleMetas().map((m) => m.id));
  return {
    range: rangeOf(finding),
    severity: SEVERITY[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    // Only ids with a page (not `internal-error`) link to one.
    ...(documented.has(finding.ruleId) ? { codeDescription: { href: docsUrl(finding.ruleId) } } : {}),
    message: finding.hint ? `${finding.message}\n${finding.hint}` : finding.message,
  };
}

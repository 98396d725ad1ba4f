import type { LintResult } from '../types.js';

/**
 * One line per finding, `file:line:col: severity: message [rule-id]`, nothing else: the shape
 * editors' problem matchers and `grep` expect. A clean run prints nothing.
 */
export function formatCompact(result: LintResult): string {
  return result.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${oneLine(f.message)} [${f.ruleId}]\n`).join('');
}

/** Messages are one line already; a stray newline would break line-based matchers. */
function oneLine(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

import type { Finding, LintResult } from '../types.js';
import { rootRelative, type ReportContext } from './context.js';

/** Message data of a workflow command: `%`, CR and LF are escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values additionally escape `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function annotation(f: Finding, ctx: Pick<ReportContext, 'root' | 'cwd'>): string {
  const file = rootRelative(f.file, ctx) ?? f.file;
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${f.line}`,
    `col=${f.column}`,
    `endLine=${f.endLine}`,
    `endColumn=${f.endColumn}`,
    `title=${escapeProperty(f.ruleId)}`,
  ];
  const message = f.hint ? `${f.message}\nhint: ${f.hint}` : f.message;
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(message)}\n`;
}

/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the pull request diff.
 * Paths are repository-relative, as the runner expects them.
 */
export function formatGithub(result: LintResult, ctx: Pick<ReportContext, 'root' | 'cwd'>): string {
  return result.findings.map((f) => annotation(f, ctx)).join('');
}

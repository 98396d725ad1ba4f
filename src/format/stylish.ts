import type { Finding, LintResult } from '../types.js';
import { codeFrame, splitLines } from './code-frame.js';
import type { Colors } from './colors.js';
import { summaryLine } from './summary.js';

export interface StylishInput {
  result: LintResult;
  /** Source texts by file path, for code frames. */
  sources: ReadonlyMap<string, string>;
  colors: Colors;
}

function severityWord(f: Finding, c: Colors): string {
  if (f.severity === 'error') return c.red('error');
  if (f.severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

/** `file:line:col: severity message [rule-id]`, a code frame with the exact span underlined, and a summary. */
export function formatStylish({ result, sources, colors: c }: StylishInput): string {
  const out: string[] = [];
  const linesByFile = new Map<string, string[]>();
  for (const f of result.findings) {
    let lines = linesByFile.get(f.file);
    if (!lines) {
      const text = sources.get(f.file);
      lines = text === undefined ? [] : splitLines(text);
      linesByFile.set(f.file, lines);
    }
    out.push(`${c.bold(`${f.file}:${f.line}:${f.column}`)}: ${severityWord(f, c)} ${f.message} ${c.gray(`[${f.ruleId}]`)}`);
    const frame = codeFrame(lines, f, c);
    if (frame) out.push(frame);
    if (f.hint) out.push(`  ${c.cyan('hint:')} ${f.hint}`);
    out.push('');
  }
  for (const notice of result.summary.notices) out.push(`${c.blue('note:')} ${notice}`);
  out.push(summaryLine(result, c));
  return out.join('\n') + '\n';
}

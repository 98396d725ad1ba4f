/**
 * Quick fixes for the findings under the cursor: the finding's own fix when it carries one, and
 * "disable this rule for this line" written in the suppression comments the linter reads.
 */
import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { commentsOf } from '../suppress/comments.js';
import { parseDirectives } from '../suppress/directives.js';
import { UNUSED_DIRECTIVE_ID } from '../suppress/index.js';
import type { Finding, SourceFile } from '../types.js';
import { toDiagnostic } from './diagnostics.js';

/** One replacement in source offsets: `text[start, end)` becomes `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** Findings no comment can silence (a crashed check, a report about a comment). */
const UNSUPPRESSIBLE = new Set(['internal-error', UNUSED_DIRECTIVE_ID]);

const isOffset = (n: unknown, max: number): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= max;

/**
 * The edits of the fix a finding carries, sorted, when they are usable here: each inside the text,
 * none overlapping another (the document may have changed since the finding was made).
 */
export function fixEditsOf(finding: Finding, textLength: number): OffsetEdit[] | undefined {
  const list = finding.fix?.edits;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const edits: OffsetEdit[] = [];
  for (const { start, end, text } of list) {
    if (!isOffset(start, textLength) || !isOffset(end, textLength) || start > end || typeof text !== 'string') return undefined;
    edits.push({ start, end, text });
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < edits.length; i++) if (edits[i]!.start < edits[i - 1]!.end) return undefined;
  return edits;
}

/** A line's text without its line break. */
function lineText(lines: readonly string[], line: number): string {
  return (lines[line - 1] ?? '').replace(/\r$/, '');
}

const continues = (line: string) => /\\$/.test(line);

/**
 * The edit that switches `ruleId` off on 1-based `line`: the id added to a directive that already
 * covers the line, a `# k8s-lint-disable-line` comment at its end, or (where a comment cannot go at
 * the end: Markdown, a line with a comment, a shell line continued with `\`) a
 * `# k8s-lint-disable-next-line` line above it, or `disable`/`enable` around a continued command.
 */
export function disableLineEdit(file: SourceFile, line: number, ruleId: string): { line: number; character: number; text: string }[] | undefined {
  if (file.language === 'json') return undefined; // JSON has no comments
  const comments = commentsOf(file);
  const directives = parseDirectives(comments);
  const lines = file.text.split('\n');
  const here = lineText(lines, line);
  const extend = directives.find((d) => d.rules.length > 0 && ((d.kind === 'disable-line' && d.line === line) || (d.kind === 'disable-next-line' && d.line === line - 1)));
  if (extend) {
    if (extend.rules.some((r) => r.id === ruleId)) return undefined;
    const last = extend.rules[extend.rules.length - 1]!;
    return [{ line: extend.line, character: last.endColumn - 1, text: `, ${ruleId}` }];
  }
  if (directives.some((d) => d.rules.length === 0 && (d.line === line || (d.kind === 'disable-next-line' && d.line === line - 1)))) return undefined;
  const indent = /^[ \t]*/.exec(here)![0];
  const previous = line > 1 ? lineText(lines, line - 1) : '';
  if (continues(here) || continues(previous)) {
    // A comment line inside a command continued with `\` would end the command: wrap it whole.
    let first = line;
    while (first > 1 && continues(lineText(lines, first - 1))) first--;
    let last = line;
    while (last < lines.length && continues(lineText(lines, last))) last++;
    const firstIndent = /^[ \t]*/.exec(lineText(lines, first))![0];
    return [
      { line: first, character: 0, text: `${firstIndent}# k8s-lint-disable ${ruleId}\n` },
      { line: last + 1, character: 0, text: `${firstIndent}# k8s-lint-enable ${ruleId}\n` },
    ];
  }
  const endComment = file.language !== 'markdown' && file.language !== 'text' && !comments.some((c) => c.line === line);
  if (endComment) return [{ line, character: here.length, text: `${/\s$/.test(here) ? '' : '  '}# k8s-lint-disable-line ${ruleId}` }];
  return [{ line, character: 0, text: `${indent}# k8s-lint-disable-next-line ${ruleId}\n` }];
}

function overlaps(range: Range, finding: Finding): boolean {
  const start = finding.line - 1;
  const end = finding.endLine - 1;
  return start <= range.end.line && end >= range.start.line;
}

/** Code actions for the findings of `document` (linted as `file`) that touch `range`. */
export function codeActionsFor(document: TextDocument, file: SourceFile, findings: readonly Finding[], range: Range): CodeAction[] {
  const out: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const finding of findings) {
    if (!overlaps(range, finding)) continue;
    const diagnostic = toDiagnostic(finding);
    const fix = fixEditsOf(finding, file.text.length);
    if (fix) {
      const edits: TextEdit[] = fix.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text }));
      out.push({ title: `Fix this ${finding.ruleId} problem`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: { changes: { [document.uri]: edits } } });
    }
    const key = `${finding.ruleId}\0${finding.line}`;
    if (UNSUPPRESSIBLE.has(finding.ruleId) || disabled.has(key)) continue;
    disabled.add(key);
    const inserts = disableLineEdit(file, finding.line, finding.ruleId);
    if (!inserts) continue;
    const edits: TextEdit[] = inserts.map((i) => {
      const at = { line: i.line - 1, character: i.character };
      return { range: { start: at, end: at }, newText: i.text };
    });
    out.push({ title: `Disable ${finding.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [document.uri]: edits } } });
  }
  return out;
}

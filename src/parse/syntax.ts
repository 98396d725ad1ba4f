import type { Document, LineCounter, YAMLError } from 'yaml';
import type { Finding, Fix, Severity, TextEdit } from '../types.js';
import { blockScalarText, tabFix } from './syntax-fix.js';

interface Input {
  file: string;
  text: string;
  doc: Document;
  index: number;
  lineCounter: LineCounter;
  /** Offset where the next document starts (or the text length): the end of this document's lines. */
  endOffset: number;
}

interface Located {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Offset of the first character of each 1-based line, computed on demand. */
function lineStart(text: string, lineCounter: LineCounter, line: number): number {
  return line <= 1 ? 0 : (lineCounter.lineStarts[line - 1] ?? text.length);
}

function lineText(text: string, lineCounter: LineCounter, line: number): string {
  const start = lineStart(text, lineCounter, line);
  const next = lineCounter.lineStarts[line] ?? text.length + 1;
  return text.slice(start, next - 1).replace(/\r$/, '');
}

/** `apiVersion:apps/v1`: a key, a colon and no space. URLs (`http://`) and list items are left alone. */
const MISSING_SPACE = /^(\s*)([A-Za-z_][A-Za-z0-9_.-]*):([^\s:/'"[{#][^\s]*)\s*(#.*)?$/;

function point(line: number, column: number, length = 1): Located {
  return { line, column, endLine: line, endColumn: column + Math.max(1, length) };
}

interface Diagnosis {
  message: string;
  at: Located;
  hint?: string;
  fix?: Fix;
}

/**
 * Explains a broken document in the words of the mistakes people really make. The YAML parser
 * reports where it got lost, often lines after the real mistake, so the whole document is scanned
 * for tabs used as indentation and for `key:value` without a space; each is reported where it is.
 */
function diagnose(text: string, lineCounter: LineCounter, firstLine: number, lastLine: number, endOffset: number): Diagnosis[] {
  const out: Diagnosis[] = [];
  const colonEdits: TextEdit[] = [];
  const tabLines: { line: number; column: number }[] = [];
  const starts: number[] = [];
  for (let line = firstLine; line <= lastLine; line++) starts.push(lineStart(text, lineCounter, line));
  const lines = { text, starts, end: Math.min(endOffset, text.length) };
  const scalarText = blockScalarText(lines);
  for (let line = firstLine; line <= lastLine; line++) {
    const content = lineText(text, lineCounter, line);
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const inScalar = scalarText[line - firstLine] === true;
    const indent = /^[ \t]*/.exec(content)![0];
    const tab = indent.indexOf('\t');
    if (tab >= 0) tabLines.push({ line, column: tab + 1 });
    // In a block scalar's text, `key:value` is text, not a mistake.
    const m = inScalar ? null : MISSING_SPACE.exec(content.slice(indent.length));
    if (m && m[1] === '') {
      const column = indent.length + m[2]!.length + 1;
      const at = lineStart(text, lineCounter, line) + column;
      colonEdits.push({ start: at, end: at, text: ' ' });
      out.push({
        message: `missing space after ':' in "${m[2]}:${m[3]}", so it is read as one plain string, not a key and a value`,
        at: point(line, column),
        hint: `write "${m[2]}: ${m[3]}"`,
        fix: { edits: [{ start: at, end: at, text: ' ' }] },
      });
    }
  }
  const firstTab = tabLines[0];
  if (firstTab) {
    const others = tabLines.length > 1 ? ` (${tabLines.length} lines of this document are indented with tabs)` : '';
    const edits = tabFix(lines, colonEdits);
    out.push({
      message: `tab character used for indentation; YAML indentation must use spaces${others}`,
      at: point(firstTab.line, firstTab.column),
      hint: 'replace the tabs with spaces',
      ...(edits ? { fix: { edits } } : {}),
    });
  }
  return out;
}

function humanize(error: YAMLError): string {
  const msg = error.message.replace(/\s+at line \d+, column \d+.*$/s, '').trim();
  return msg.charAt(0).toLowerCase() + msg.slice(1);
}

function finding(input: Input, severity: Severity, message: string, at: Located, hint?: string, fix?: Fix): Finding {
  return {
    file: input.file,
    ruleId: 'yaml-syntax',
    severity,
    message,
    pointer: '',
    resource: { document: input.index },
    ...at,
    ...(hint ? { hint } : {}),
    ...(fix ? { fix } : {}),
  };
}

/**
 * One error per document: the first one. Later errors are nearly always a cascade of it, and a
 * wall of parser noise hides the one line to fix. Warnings (unknown tags and the like) are kept.
 */
export function syntaxFindings(input: Input): Finding[] {
  const { text, doc, lineCounter } = input;
  const out: Finding[] = [];
  const first = doc.errors[0];
  if (first) {
    const start = Math.min(first.pos[0], text.length);
    const end = Math.max(start + 1, Math.min(first.pos[1], text.length));
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(end);
    const docFirstLine = lineCounter.linePos(Math.min(doc.range?.[0] ?? 0, text.length)).line;
    const docLastLine = lineCounter.linePos(Math.max(0, Math.min(input.endOffset, text.length) - 1)).line;
    const special = diagnose(text, lineCounter, docFirstLine, Math.max(a.line, docLastLine), input.endOffset);
    const more = doc.errors.length > 1 ? ` (${doc.errors.length - 1} more syntax error${doc.errors.length > 2 ? 's' : ''} in this document follow${doc.errors.length > 2 ? '' : 's'} from it)` : '';
    if (special.length > 0) {
      for (const d of special) out.push(finding(input, 'error', d.message, d.at, d.hint, d.fix));
    } else {
      const at: Located = { line: a.line, column: a.col, endLine: b.line, endColumn: b.line === a.line ? Math.max(b.col, a.col + 1) : b.col };
      out.push(finding(input, 'error', `YAML syntax error: ${humanize(first)}${more}`, at));
    }
  }
  for (const warning of doc.warnings) {
    const start = Math.min(warning.pos[0], text.length);
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start + 1, Math.min(warning.pos[1], text.length)));
    const at: Located = { line: a.line, column: a.col, endLine: b.line, endColumn: b.line === a.line ? Math.max(b.col, a.col + 1) : b.col };
    const message =
      warning.code === 'TAG_RESOLVE_FAILED'
        ? `${humanize(warning)}; the value is read as a plain string (custom tags are never executed)`
        : humanize(warning);
    out.push(finding(input, 'warning', message, at));
  }
  return out;
}

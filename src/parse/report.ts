import type { LineCounter } from 'yaml';
import type { Finding, Severity } from '../types.js';
import type { AliasProblem } from './aliases.js';

export interface Reporter {
  at(ruleId: string, severity: Severity, message: string, document: number, start: number, end: number, hint?: string): Finding;
}

/**
 * Builds parse findings from offsets, clamped to the text, so that every position is a real line
 * and column of the file and the end never comes before the start.
 */
export function reporter(file: string, text: string, lineCounter: LineCounter): Reporter {
  return {
    at(ruleId, severity, message, document, startOffset, endOffset, hint) {
      const start = Math.max(0, Math.min(startOffset, text.length));
      const end = Math.max(start + 1, Math.min(endOffset, text.length));
      const a = text.length === 0 ? { line: 1, col: 1 } : lineCounter.linePos(start);
      const b = text.length === 0 ? { line: 1, col: 2 } : lineCounter.linePos(end);
      const line = Math.max(1, a.line);
      const endLine = Math.max(line, b.line);
      return {
        file,
        ruleId,
        severity,
        message,
        pointer: '',
        resource: { document },
        line,
        column: Math.max(1, a.col),
        endLine,
        endColumn: endLine === line ? Math.max(b.col, a.col + 1) : Math.max(1, b.col),
        ...(hint ? { hint } : {}),
      };
    },
  };
}

export function aliasMessage(problem: AliasProblem): string {
  const name = `*${problem.alias.source}`;
  switch (problem.kind) {
    case 'unresolved':
      return `alias "${name}" refers to no anchor "&${problem.alias.source}" before it in this document`;
    case 'cycle':
      return `alias "${name}" is inside the node it refers to, so it would expand forever; the document was not read`;
    case 'expansion':
      return `aliases in this document expand to more than ${problem.limit} nodes (an alias bomb); the document was not read`;
    case 'depth':
      return `alias "${name}" nests this document more than ${problem.limit} levels deep; the document was not read`;
  }
}

/** An exception as the end of a sentence. */
export function describeError(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'it is too large or too deeply nested';
  const raw = error instanceof Error ? error.message : String(error);
  return raw.charAt(0).toLowerCase() + raw.slice(1);
}

/**
 * The one finding of a file whose bytes are not text: at the first bad byte, so that it can be
 * found in an editor. Nothing else is read from the file.
 */
export function decodeErrorFinding(file: string, text: string, error: { offset: number; message: string }): Finding {
  const offset = Math.max(0, Math.min(error.offset, text.length));
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < lineStart; i = text.indexOf('\n', i + 1)) line++;
  const column = offset - lineStart + 1;
  return { file, ruleId: 'yaml-syntax', severity: 'error', message: error.message, pointer: '', resource: { document: 1 }, line, column, endLine: line, endColumn: column + 1 };
}

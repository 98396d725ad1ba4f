import type { Colors } from './colors.js';
import type { Span } from '../types.js';

/** Splits text into lines once per file; formatters call this for every finding of the file. */
export function splitLines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Tabs are shown as one space so that the underline stays under the right characters. */
function visible(line: string): string {
  return line.replace(/\t/g, ' ');
}

/**
 * A two-line frame: the source line and a caret underline of the span's part on that line,
 * with the line number in a gutter. Multi-line spans are underlined to the end of the first line.
 */
export function codeFrame(lines: readonly string[], span: Span, c: Colors): string {
  const source = lines[span.line - 1];
  if (source === undefined) return '';
  const shown = visible(source).length > 200 ? visible(source).slice(0, 200) + '…' : visible(source);
  const start = Math.min(span.column - 1, shown.length);
  const end = span.endLine === span.line ? Math.min(Math.max(span.endColumn - 1, start + 1), Math.max(shown.length, start + 1)) : Math.max(shown.length, start + 1);
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const underline = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start));
  return `  ${c.gray(gutter + ' |')} ${shown}\n  ${c.gray(pad + ' |')} ${c.red(underline)}`;
}

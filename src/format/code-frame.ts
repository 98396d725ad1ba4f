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

/** Longest part of a line shown in a frame; a minified or generated line is cut around the span. */
const WIDTH = 200;
/** How much of the line before the span a cut frame keeps. */
const LEAD = 60;

/**
 * A two-line frame: the source line and a caret underline of the span's part on that line,
 * with the line number in a gutter. Multi-line spans are underlined to the end of the first line.
 * A line longer than WIDTH is shown as a window around the span, with `…` where it was cut.
 */
export function codeFrame(lines: readonly string[], span: Span, c: Colors): string {
  const source = lines[span.line - 1];
  if (source === undefined) return '';
  const line = visible(source);
  const column = Math.min(span.column - 1, line.length);
  const lineEnd = span.endLine === span.line ? Math.max(span.endColumn - 1, column + 1) : Math.max(line.length, column + 1);
  const from = line.length > WIDTH && column > LEAD ? column - LEAD : 0;
  const to = Math.min(line.length, from + WIDTH);
  const head = from > 0 ? '…' : '';
  const shown = head + line.slice(from, to) + (to < line.length ? '…' : '');
  const start = head.length + column - from;
  const end = Math.min(head.length + lineEnd - from, head.length + Math.max(to - from, column - from + 1));
  const gutter = String(span.line);
  const pad = ' '.repeat(gutter.length);
  const underline = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start));
  return `  ${c.gray(gutter + ' |')} ${shown}\n  ${c.gray(pad + ' |')} ${c.red(underline)}`;
}

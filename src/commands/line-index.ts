/** Offsets → 1-based line and column (UTF-16 code units; a tab is one column). */
import type { Span } from '../types.js';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  span(start: number, end: number): Span {
    const from = this.position(start);
    const to = this.position(Math.max(end, start));
    return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
  }
}

import { describe, expect, it } from 'vitest';
import { colors } from '../src/format/colors.js';
import { codeFrame } from '../src/format/code-frame.js';

const plain = colors(false);

describe('codeFrame', () => {
  it('underlines the span on its line', () => {
    expect(codeFrame(['a: 1', 'replicas: "3"'], { line: 2, column: 11, endLine: 2, endColumn: 14 }, plain)).toBe('  2 | replicas: "3"\n    |           ^^^');
  });

  it('shows tabs as one space so that the caret stays under the tab', () => {
    expect(codeFrame(['  \tx: 1'], { line: 1, column: 3, endLine: 1, endColumn: 4 }, plain)).toBe('  1 |    x: 1\n    |   ^');
  });

  it('cuts a long line around the span and keeps the caret under it', () => {
    const line = 'x'.repeat(5000) + 'BAD' + 'y'.repeat(5000);
    const frame = codeFrame([line], { line: 1, column: 5001, endLine: 1, endColumn: 5004 }, plain);
    const [code, marks] = frame.split('\n') as [string, string];
    expect(code.length).toBeLessThan(220);
    expect(code.startsWith('  1 | …')).toBe(true);
    expect(code.endsWith('…')).toBe(true);
    expect(code.slice(marks.indexOf('^'), marks.lastIndexOf('^') + 1)).toBe('BAD');
  });

  it('cuts only the end of a long line whose span is near its start', () => {
    const frame = codeFrame(['key: ' + 'v'.repeat(1000)], { line: 1, column: 1, endLine: 1, endColumn: 4 }, plain);
    expect(frame.split('\n')[0]!.endsWith('…')).toBe(true);
    expect(frame.split('\n')[1]).toBe('    | ^^^');
  });
});

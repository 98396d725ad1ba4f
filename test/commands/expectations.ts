/**
 * Inline expectations for command fixtures (see fixtures/commands/README.md): a caret line
 * `#   ^^^^ rule-id: message` under a line expects one finding on that line, starting at the
 * first caret's column, as long as the carets. Caret lines are blanked (same length) before
 * linting, so they cannot influence the result and positions do not move.
 */

export interface Expected {
  line: number;
  column: number;
  endColumn: number;
  ruleId: string;
  message: string;
}

const CARET_LINE = /^([ \t]*#[ \t]*)(\^+)[ \t]+([a-z0-9-]+): (.+)$/;

export function readExpectations(text: string): { expected: Expected[]; text: string } {
  const lines = text.split('\n');
  const expected: Expected[] = [];
  let target = 0;
  const blanked = lines.map((raw, index) => {
    const line = raw.replace(/\r$/, '');
    const caret = CARET_LINE.exec(line);
    if (!caret) {
      target = index + 1;
      return raw;
    }
    if (target === 0) throw new Error(`caret line ${index + 1} has no line above it`);
    const column = caret[1]!.length + 1;
    expected.push({ line: target, column, endColumn: column + caret[2]!.length, ruleId: caret[3]!, message: caret[4]! });
    return raw.replace(/[^\r]/g, ' ');
  });
  return { expected, text: blanked.join('\n') };
}

export function formatExpected(item: Expected): string {
  return `${item.line}:${item.column}-${item.endColumn} ${item.ruleId}: ${item.message}`;
}

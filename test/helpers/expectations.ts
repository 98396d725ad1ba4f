/**
 * Inline expectations in fixtures:
 *
 *       image: nginx:latest
 *   #          ^^^^^^^^^^^^ image-tag: image "nginx:latest" uses the mutable tag "latest"
 *   # expect-next-line required-fields: missing required field "kind"
 *
 * A caret line refers to the nearest line above it that is not an expectation: the first `^` is
 * the start column, the caret count the span length (checked for one-line spans). The message
 * after `rule-id:` is optional; when given it must match exactly. `# expect-next-line` expects a
 * finding at column 1 of the next non-expectation line. `# expect-at 6:6 rule-id: message` names the
 * position outright, for the rare place where a comment line would change how the YAML parses.
 * `# fixture: {json}` on line 1 sets options.
 */
export interface Expectation {
  ruleId: string;
  line: number;
  column: number;
  /** Span length on the line, when given by carets. */
  length?: number;
  message?: string;
}

export interface ParsedFixture {
  expectations: Expectation[];
  options: Record<string, unknown>;
}

const CARET = /^#(\s*)(\^+)\s+([a-z0-9-]+)(?::\s?(.*))?$/;
const NEXT_LINE = /^#\s*expect-next-line\s+([a-z0-9-]+)(?::\s?(.*))?$/;
const AT = /^#\s*expect-at\s+(\d+):(\d+)\s+([a-z0-9-]+)(?::\s?(.*))?$/;
const OPTIONS = /^#\s*fixture:\s*(\{.*\})\s*$/;

export function isExpectationLine(line: string): boolean {
  return CARET.test(line) || NEXT_LINE.test(line) || AT.test(line);
}

export function parseExpectations(text: string): ParsedFixture {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const expectations: Expectation[] = [];
  let options: Record<string, unknown> = {};
  const first = OPTIONS.exec(lines[0] ?? '');
  if (first) options = JSON.parse(first[1]!) as Record<string, unknown>;
  let lastContent = 0;
  const pendingNext: { ruleId: string; message?: string }[] = [];
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    const caret = CARET.exec(line);
    if (caret) {
      if (lastContent === 0) throw new Error(`caret expectation on line ${lineNo} has no line above it`);
      expectations.push({
        ruleId: caret[3]!,
        line: lastContent,
        column: 1 + 1 + caret[1]!.length,
        length: caret[2]!.length,
        ...(caret[4] !== undefined ? { message: caret[4] } : {}),
      });
      return;
    }
    const at = AT.exec(line);
    if (at) {
      expectations.push({ ruleId: at[3]!, line: Number(at[1]), column: Number(at[2]), ...(at[4] !== undefined ? { message: at[4] } : {}) });
      return;
    }
    const next = NEXT_LINE.exec(line);
    if (next) {
      pendingNext.push({ ruleId: next[1]!, ...(next[2] !== undefined ? { message: next[2] } : {}) });
      return;
    }
    lastContent = lineNo;
    for (const p of pendingNext.splice(0)) expectations.push({ ...p, line: lineNo, column: 1 });
  });
  if (pendingNext.length > 0) throw new Error('expect-next-line at the end of the file has no line to refer to');
  return { expectations, options };
}

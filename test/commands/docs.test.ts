/**
 * Each command rule has docs/rules/<id>.md whose header matches the rule, whose Incorrect example
 * is reported (every command line of it) and whose Correct example lints clean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandRules, lintCommandText } from '../../src/commands/index.js';

const root = new URL('../../', import.meta.url).pathname;

function example(page: string, heading: string): string {
  const section = page.split(`\n## ${heading}\n`)[1];
  const block = /```bash\n([\s\S]*?)```/.exec(section ?? '');
  if (!block) throw new Error(`no bash example under ## ${heading}`);
  return block[1]!;
}

describe.each(commandRules.map((rule) => [rule.id, rule] as const))('docs/rules/%s.md', (id, rule) => {
  const page = readFileSync(`${root}${rule.docs}`, 'utf8');

  it('starts with the id, the description and the severity', () => {
    const lines = page.split('\n');
    expect(lines[0]).toBe(`# ${id}`);
    expect(lines[2]).toBe(`${rule.description}.`);
    expect(page).toMatch(new RegExp(`^- Severity: ${rule.severity}`, 'm'));
  });

  it('reports every line of the incorrect example', () => {
    const text = example(page, 'Incorrect');
    const lines = text.trimEnd().split('\n');
    const reported = new Set(lintCommandText('example.sh', text, 'shell').filter((finding) => finding.ruleId === id).map((finding) => finding.line));
    expect([...reported].sort()).toEqual(lines.map((_, index) => index + 1));
  });

  it('accepts the correct example', () => {
    expect(lintCommandText('example.sh', example(page, 'Correct'), 'shell')).toEqual([]);
  });
});

/**
 * Every file under fixtures/commands (except README.md, which documents the format, and the
 * expectation files) is linted with the language its path implies and must produce exactly the
 * findings its caret lines expect: a missing or an extra finding fails.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCommandLanguage, lintCommandText, commandRules } from '../../src/commands/index.js';
import { formatExpected, readExpectations } from './expectations.js';

const root = new URL('../../fixtures/commands/', import.meta.url).pathname;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

const fixtures = listFiles(root)
  .map((path) => relative(root, path))
  .filter((path) => path !== 'README.md')
  .sort();

describe('command fixtures', () => {
  it('finds the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });

  for (const fixture of fixtures) {
    it(fixture, () => {
      const source = readFileSync(join(root, fixture), 'utf8');
      const language = detectCommandLanguage(fixture, source);
      expect(language, `no command language for ${fixture}`).toBeDefined();
      const { expected, text } = readExpectations(source);
      const findings = lintCommandText(fixture, text, language!);
      const actual = findings.map((finding) => {
        expect(finding.endLine, 'command findings stay on one line').toBe(finding.line);
        return formatExpected({ line: finding.line, column: finding.column, endColumn: finding.endColumn, ruleId: finding.ruleId, message: finding.message });
      });
      expect(actual.sort()).toEqual(expected.map(formatExpected).sort());
    });
  }

  it('has a failing fixture for every rule', () => {
    const expectedRules = new Set(
      fixtures.flatMap((fixture) => readExpectations(readFileSync(join(root, fixture), 'utf8')).expected.map((item) => item.ruleId)),
    );
    for (const rule of commandRules) expect(expectedRules, rule.id).toContain(rule.id);
  });
});

/**
 * fixtures/schema through the file linter with the schema stage alone, so the positions of its
 * findings (key or value, at the right line and column) are checked against the inline
 * expectations, independently of how the rule registry is configured.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintOneFile } from '../src/lint.js';
import { SCHEMA_RULE_IDS, createSchemaChecker } from '../src/schema/validate.js';
import { parseExpectations } from './helpers/expectations.js';

const dir = new URL('../fixtures/schema/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('fixtures/schema with the schema stage', () => {
  it.each(files)('%s', (file) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const parsed = parseExpectations(text);
    const options = parsed.options;
    // Only this stage runs here; expectations of rules (deprecated-api) are the rule fixtures' concern.
    const expectations = parsed.expectations.filter((e) => (SCHEMA_RULE_IDS as readonly string[]).includes(e.ruleId));
    const schema = createSchemaChecker({ kubernetesVersion: '1.36', strict: options.strict !== false });
    const result = lintOneFile({ path, text, language: 'yaml' }, { kubernetesVersion: '1.36', defaultNamespace: 'default', rules: [], schema });
    // Each finding as its expectation would state it: the span length only where carets give one.
    const found = result.findings.map((f) => {
      const expected = expectations.find((e) => e.line === f.line && e.column === f.column && e.ruleId === f.ruleId);
      const length = expected?.length !== undefined && f.endLine === f.line ? `+${f.endColumn - f.column}` : '';
      return `${f.line}:${f.column}${length} ${f.ruleId}: ${f.message}`;
    });
    const wanted = expectations.map((e) => `${e.line}:${e.column}${e.length !== undefined ? `+${e.length}` : ''} ${e.ruleId}: ${e.message ?? ''}`);
    expect(found.sort()).toEqual(wanted.sort());
  });
});

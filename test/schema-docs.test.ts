/** The examples in the docs of the schema stage's rules say what the checker does. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_RULE_IDS, createSchemaChecker, type SchemaCheckerOptions } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');

function example(id: string, heading: 'Incorrect' | 'Correct'): Record<string, JsonValue> {
  const text = readFileSync(join(docs, `${id}.md`), 'utf8');
  const section = text.split(`## ${heading}`)[1] ?? '';
  const block = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
  if (block === undefined) throw new Error(`${id}.md has no yaml block under ${heading}`);
  return parse(block, { version: '1.1' }) as Record<string, JsonValue>;
}

function ruleIds(object: Record<string, JsonValue>, options: SchemaCheckerOptions = {}): string[] {
  const checker = createSchemaChecker({ kubernetesVersion: '1.36', ...options });
  return checker.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object }).reports.map((r) => r.ruleId);
}

describe('docs of the schema rules', () => {
  for (const id of SCHEMA_RULE_IDS.filter((x) => x !== 'missing-schema')) {
    it(`${id}: the incorrect example is reported, the correct one is clean`, () => {
      expect(ruleIds(example(id, 'Incorrect'))).toContain(id);
      expect(ruleIds(example(id, 'Correct'))).toEqual([]);
    });
  }

  it('missing-schema: reported with requireSchemas, clean once the CRD of the correct example is given', () => {
    const cr = example('missing-schema', 'Incorrect');
    expect(ruleIds(cr, { requireSchemas: true })).toEqual(['missing-schema']);
    expect(ruleIds(cr)).toEqual([]);
    expect(ruleIds(cr, { requireSchemas: true, crds: [example('missing-schema', 'Correct')] })).toEqual([]);
  });
});

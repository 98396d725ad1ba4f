/** The examples in the docs of the schema stage's rules say what the checker does. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SCHEMA_RULE_IDS, createSchemaChecker, type SchemaCheckerOptions } from '../src/schema/validate.js';
import type { JsonValue } from '../src/types.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules');

function example(id: string, heading: 'Incorrect' | 'Correct', nth = 0): Record<string, JsonValue> {
  const text = readFileSync(join(docs, `${id}.md`), 'utf8');
  const section = (text.split(`## ${heading}`)[1] ?? '').split('\n## ')[0]!;
  const block = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)][nth]?.[1];
  if (block === undefined) throw new Error(`${id}.md has no yaml block under ${heading}`);
  return parse(block, { version: '1.1' }) as Record<string, JsonValue>;
}

function ruleIds(object: Record<string, JsonValue>, options: SchemaCheckerOptions = {}): string[] {
  const checker = createSchemaChecker({ kubernetesVersion: '1.36', ...options });
  return checker.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object }).reports.map((r) => r.ruleId);
}

describe('docs of the schema rules', () => {
  for (const id of SCHEMA_RULE_IDS.filter((x) => x !== 'missing-schema' && x !== 'cel-validation')) {
    it(`${id}: the incorrect example is reported, the correct one is clean`, () => {
      expect(ruleIds(example(id, 'Incorrect'))).toContain(id);
      expect(ruleIds(example(id, 'Correct'))).toEqual([]);
    });
  }

  it('cel-validation: the CRD of the incorrect example rejects it and accepts the correct one', async () => {
    const crd = example('cel-validation', 'Incorrect', 0);
    const cel = await import('../src/schema/cel/index.js');
    const options = { crds: [crd], cel };
    expect(ruleIds(example('cel-validation', 'Incorrect', 1), options)).toEqual(['cel-validation']);
    expect(ruleIds(example('cel-validation', 'Correct'), options)).toEqual([]);
    expect(ruleIds(crd)).toEqual([]);
  });

  it('missing-schema: reported with requireSchemas, clean once the CRD of the correct example is given', () => {
    const cr = example('missing-schema', 'Incorrect');
    expect(ruleIds(cr, { requireSchemas: true })).toEqual(['missing-schema']);
    expect(ruleIds(cr)).toEqual([]);
    expect(ruleIds(cr, { requireSchemas: true, crds: [example('missing-schema', 'Correct')] })).toEqual([]);
  });
});

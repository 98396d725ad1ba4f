/** CEL validation rules of CRDs: values typed per schema, scope, field paths and the summary notice. */
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lintText } from '../src/engine/lint.js';
import { parseFieldPath } from '../src/schema/cel/rules.js';
import { escapePropertyName, toCelValue } from '../src/schema/cel/values.js';
import type { SchemaNode } from '../src/schema/catalog-types.js';

const same = (node: SchemaNode): SchemaNode => node;

function crd(spec: Record<string, unknown>, rules: Record<string, unknown>[] = []): string {
  return stringify({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'things.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { kind: 'Thing', plural: 'things' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-validations': rules, properties: { spec } } } }],
    },
  });
}

async function lintThing(crdText: string, spec: unknown) {
  const text = `${crdText}---\n${stringify({ apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 'a', labels: { team: 'web' } }, spec }, { collectionStyle: 'flow' })}`;
  const result = await lintText(text, { file: 'things.yaml' });
  return { messages: result.findings.filter((f) => f.ruleId === 'cel-validation').map((f) => `${f.line}:${f.column} ${f.message}`), notices: result.summary.notices };
}

describe('values as CEL sees them', () => {
  it('types scalars from the schema', () => {
    const node: SchemaNode = {
      type: 'object',
      properties: { i: { type: 'integer' }, n: { type: 'number' }, ios: { 'x-kubernetes-int-or-string': true }, t: { type: 'string', format: 'date-time' }, 'a-b': { type: 'string' }, in: { type: 'string' } },
    };
    const value = toCelValue({ i: 1, n: 1, ios: 2, t: '2024-01-01T00:00:00Z', 'a-b': 'x', in: 'y', unknown: 1 }, node, same) as Record<string, unknown>;
    expect(value.i).toBe(1n);
    expect(value.n).toBe(1);
    expect(value.ios).toBe(2n);
    expect(value.t).toBeInstanceOf(Date);
    expect(value.a__dash__b).toBe('x');
    expect(value.__in__).toBe('y');
    expect('unknown' in value).toBe(false);
  });

  it('reduces metadata to name and generateName at the root', () => {
    const value = toCelValue({ metadata: { name: 'a', labels: { x: 'y' } }, spec: {} }, { type: 'object', properties: { spec: { type: 'object' } } }, same, true) as Record<string, unknown>;
    expect(value.metadata).toEqual({ name: 'a' });
  });

  it('escapes property names like the API server', () => {
    expect(escapePropertyName('foo__bar')).toBe('foo__underscores__bar');
    expect(escapePropertyName('a.b/c')).toBe('a__dot__b__slash__c');
    expect(escapePropertyName('has space')).toBeUndefined();
  });

  it('sees the object with its defaults filled in at every level, as the API server does', async () => {
    const spec = {
      type: 'object',
      properties: { l: { type: 'array', items: { type: 'object', 'x-kubernetes-validations': [{ rule: "self.kind == 'Service'", message: 'only Services' }], properties: { kind: { type: 'string', default: 'Service' } } } } },
    };
    expect((await lintThing(crd(spec), { l: [{}, {}] })).messages).toEqual([]);
    expect((await lintThing(crd(spec), { l: [{}, { kind: 'Pod' }] })).messages).toHaveLength(1);
  });

  it('reads fieldPaths', () => {
    expect(parseFieldPath('.spec.ports')).toEqual(['spec', 'ports']);
    expect(parseFieldPath(".labels['a.b/c']")).toEqual(['labels', 'a.b/c']);
    expect(parseFieldPath("['it\\'s']")).toEqual(["it's"]);
    expect(parseFieldPath('spec')).toBeUndefined();
    expect(parseFieldPath('.a[0]')).toBeUndefined();
  });
});

describe('rules on custom resources', () => {
  const spec = {
    type: 'object',
    properties: {
      items: { type: 'array', items: { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.count >= 0', message: 'count must not be negative' }], properties: { count: { type: 'integer' } } } },
      byName: { type: 'object', additionalProperties: { type: 'string', 'x-kubernetes-validations': [{ rule: "self != ''" }] } },
      size: { type: 'integer' },
      ratio: { type: 'number' },
    },
    'x-kubernetes-validations': [
      { rule: 'self.size < 10', messageExpression: "'size is ' + string(self.size)" },
      { rule: 'self.ratio == 1.0', message: 'ratio must be 1', fieldPath: '.ratio' },
      { rule: 'self.size == oldSelf.size', message: 'size is immutable' },
      { rule: 'has(self.size) || !has(oldSelf.size)', optionalOldSelf: true },
      { rule: 'self.size > 0', messageExpression: "'a\\nb'", message: 'size must be positive' },
    ],
  };

  it('runs each rule on every value at its node, with its message', async () => {
    const { messages } = await lintThing(crd(spec, [{ rule: "self.metadata.name == 'b'" }, { rule: '!has(self.metadata.labels)' }]), {
      items: [{ count: 1 }, { count: -1 }],
      byName: { a: 'x', b: '' },
      size: 12,
      ratio: 1,
    });
    expect(messages).toEqual([
      "60:3 failed rule: self.metadata.name == 'b'",
      '63:3 spec: size is 12',
      '65:32 spec.items[1]: count must not be negative',
      "66:26 spec.byName.b: failed rule: self != ''",
    ]);
  });

  it('falls back to the message when messageExpression is unusable, and reports at fieldPath', async () => {
    const { messages } = await lintThing(crd(spec), { size: 0, ratio: 2 });
    expect(messages).toEqual(['61:3 spec: size must be positive', '61:20 spec.ratio: ratio must be 1']);
  });

  it('counts transition rules in one notice of the summary, and says nothing without CEL rules', async () => {
    const { notices } = await lintThing(crd(spec), { size: 1, ratio: 1 });
    expect(notices.filter((n) => n.includes('CEL'))).toEqual([
      '1 of 7 CEL validation rules (x-kubernetes-validations) of the given schemas were not evaluated: 1 transition rule (they compare with the stored object, so only an update runs them)',
    ]);
    const plain = await lintThing(crd({ type: 'object' }), {});
    expect(plain.notices.filter((n) => n.includes('CEL'))).toEqual([]);
  });

  it('skips malformed rule lists and entries', async () => {
    const odd = { type: 'object', 'x-kubernetes-validations': [null, { rule: 5 }, { message: 'no rule' }, { rule: '' }, { rule: '(((' }], properties: { a: { type: 'string', 'x-kubernetes-validations': 'oops' } } };
    const { messages, notices } = await lintThing(crd(odd as Record<string, unknown>), { a: 'x' });
    expect(messages).toEqual([]);
    expect(notices.filter((n) => n.includes('CEL'))).toEqual(['1 of 1 CEL validation rules (x-kubernetes-validations) of the given schemas were not evaluated: 1 rule with functions or syntax not supported here']);
  });

  it('never crashes on values of the wrong type', async () => {
    const { messages } = await lintThing(crd(spec), { items: 'x', byName: [1], size: 'big', ratio: 'one' });
    expect(messages).toEqual([]);
  });
});

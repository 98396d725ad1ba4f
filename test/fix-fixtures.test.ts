/**
 * Every fixture under fixtures/fix/ has its expected output beside it (`x.yaml` → `x.fixed.yaml`).
 * Beyond the bytes, each fix must leave what it meant to leave: the findings it fixed are gone, no
 * fixable finding is left, and the objects are the original ones with only the intended change
 * (worked out here independently of the fixes: a key renamed, an enum value, an API migration).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixPaths, fixSources } from '../src/fix/index.js';
import { lintFiles } from '../src/engine/lint.js';
import { streamYaml } from '../src/parse/parse-yaml.js';
import type { Finding, JsonValue } from '../src/types.js';

const DIR = new URL('../fixtures/fix/', import.meta.url).pathname;
const OPTIONS = { kubernetesVersion: '1.36' };

type Obj = { [key: string]: JsonValue };
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function documents(text: string): { values: (JsonValue | undefined)[]; broken: boolean } {
  const stream = streamYaml('x.yaml', text);
  const docs = [...stream.documents];
  return { values: docs.map((d) => d.value), broken: docs.some((d) => d.broken) };
}

function parentOf(root: JsonValue, pointer: string): { parent: Obj | JsonValue[]; key: string } {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let at: JsonValue = root;
  for (const part of parts.slice(0, -1)) at = (at as Obj)[part] as JsonValue;
  return { parent: at as Obj, key: parts[parts.length - 1]! };
}

/** A v1beta1 Ingress backend in the v1 shape. */
function v1Backend(b: Obj): Obj {
  if (b.serviceName === undefined) return b;
  const port: Obj = typeof b.servicePort === 'number' ? { number: b.servicePort } : { name: b.servicePort as string };
  return { service: { name: b.serviceName as string, port } };
}

/** What each fixed finding is meant to change in the object, done on the decoded value. */
function intended(object: JsonValue, f: Finding): void {
  if (!isObj(object)) return;
  const hint = /did you mean "([^"]+)"\?/.exec(f.hint ?? '')?.[1];
  if (f.ruleId === 'schema' && f.message.startsWith('unknown field') && hint) {
    const { parent, key } = parentOf(object, f.pointer);
    const entries = Object.entries(parent as Obj).map(([k, v]) => [k === key ? hint : k, v] as const);
    for (const k of Object.keys(parent)) delete (parent as Obj)[k];
    for (const [k, v] of entries) (parent as Obj)[k] = v;
  } else if (f.ruleId === 'schema' && hint) {
    const { parent, key } = parentOf(object, f.pointer);
    (parent as Obj)[key] = hint;
  } else if (f.ruleId === 'deprecated-api') {
    // The finding is on the apiVersion of the object (a List item's is `/items/N/apiVersion`).
    const base = f.pointer.replace(/\/apiVersion$/, '');
    if (base !== '') {
      const { parent, key } = parentOf(object, base);
      intended((parent as Obj)[key]!, { ...f, pointer: '/apiVersion' });
      return;
    }
    const to = /use (\S+)$/.exec(f.message)![1]!;
    object.apiVersion = to;
    const spec = object.spec;
    if (!isObj(spec)) return;
    if (to === 'apps/v1' && spec.selector === undefined) {
      spec.selector = { matchLabels: ((spec.template as Obj).metadata as Obj).labels as Obj };
    }
    if (object.kind === 'Ingress') {
      if (isObj(spec.backend)) {
        spec.defaultBackend = v1Backend(spec.backend);
        delete spec.backend;
      }
      for (const rule of (spec.rules as Obj[] | undefined) ?? []) {
        for (const path of ((rule.http as Obj | undefined)?.paths as Obj[] | undefined) ?? []) {
          path.backend = v1Backend(path.backend as Obj);
          path.pathType ??= 'ImplementationSpecific';
        }
      }
    }
  }
}

/** Sorts keys, so that objects compare by content (a fix may add a key before its siblings). */
function canonical(value: JsonValue | undefined): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isObj(value)) return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
  return value;
}

const cases = readdirSync(DIR)
  .filter((name) => !name.includes('.fixed.'))
  .sort();

describe('fixtures/fix', () => {
  it('has cases, each with its expected output', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const name of cases) expect(readdirSync(DIR)).toContain(name.replace(/\.(\w+)$/, '.fixed.$1'));
  });

  for (const name of cases) {
    it(name, async () => {
      const file = join(DIR, name);
      const expected = readFileSync(file.replace(/\.(\w+)$/, '.fixed.$1'), 'utf8');
      const run = await fixPaths([file], OPTIONS);
      const fixed = run.files[0]!;
      expect(fixed.after).toBe(expected);
      expect(fixed.applied).toBeGreaterThan(0);

      // What was fixable is gone, and what is left has no fix to offer.
      const before = await lintFiles([{ path: file, text: fixed.before, language: languageOf(name) }], OPTIONS);
      const fixable = before.findings.filter((f) => f.fix);
      expect(fixable.length).toBeGreaterThan(0);
      for (const f of fixable) {
        const same = (g: Finding) => g.ruleId === f.ruleId && g.message === f.message && g.hint === f.hint && g.resource?.name === f.resource?.name;
        expect(run.result.findings.filter(same)).toEqual([]);
      }
      expect(run.result.findings.filter((f) => f.fix)).toEqual([]);

      if (!/\.(yaml|json)$/.test(name)) return;
      expect(documents(fixed.after).broken).toBe(false);
      // Pass by pass: the objects after a pass are those before it with the intended changes only.
      let text = fixed.before;
      for (let pass = 0; pass < 10 && text !== fixed.after; pass++) {
        const step = await fixSources([{ path: file, text, language: languageOf(name) }], OPTIONS, { maxPasses: 1 });
        const lintedBefore = await lintFiles([{ path: file, text, language: languageOf(name) }], OPTIONS);
        const next = step.files[0]!.after;
        const original = documents(text);
        if (original.broken) {
          // A syntax fix only moves blanks: the same characters are left once spaces and tabs are dropped.
          const squeeze = (t: string) => t.replace(/[ \t]/g, '');
          expect(squeeze(next)).toBe(squeeze(text));
        } else {
          const want = original.values;
          for (const f of lintedBefore.findings.filter((g) => g.fix)) intended(want[f.resource!.document - 1]!, f);
          expect(documents(next).values.map(canonical)).toEqual(want.map(canonical));
        }
        text = next;
      }
      expect(text).toBe(fixed.after);
    });
  }
});

function languageOf(name: string): 'yaml' | 'json' | 'shell' | 'markdown' {
  return name.endsWith('.sh') ? 'shell' : name.endsWith('.md') ? 'markdown' : name.endsWith('.json') ? 'json' : 'yaml';
}

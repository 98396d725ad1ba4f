import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/input/decode.js';
import { expandInputs } from '../src/input/files.js';
import { lintYamlFile } from '../src/engine/lint-file.js';
import { lintSources, lintText } from '../src/engine/lint.js';
import { parseYaml } from '../src/parse/parse-yaml.js';
import { findTemplateMarker } from '../src/parse/templates.js';
import { defineRule } from '../src/rules/define-rule.js';
import requiredFields from '../src/rules/required-fields.js';
import type { Finding } from '../src/types.js';

const HOSTILE = new URL('../fixtures/hostile/', import.meta.url).pathname;

/** Lints a committed hostile fixture the way the CLI reads it (bytes → decoded text). */
function lintFixture(name: string) {
  const { files, failures, notices } = expandInputs([HOSTILE + name]);
  const result = lintSources(files);
  return { result, failures, notices: [...notices, ...result.summary.notices], found: result.findings.map(brief) };
}

const brief = (f: Finding) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`;

/** Every committed case with exactly what it must produce. */
const EXPECTED: Record<string, string[]> = {
  'alias-cycle.yaml': ['6:9 yaml-syntax alias "*data" is inside the node it refers to, so it would expand forever; the document was not read'],
  'alias-undefined.yaml': ['5:7 yaml-syntax alias "*nothing" refers to no anchor "&nothing" before it in this document'],
  'anchors-ok.yaml': [],
  'billion-laughs.yaml': ['10:8 yaml-syntax aliases in this document expand to more than 100000 nodes (an alias bomb); the document was not read'],
  'comments-only.yaml': [],
  'crlf.yaml': ['7:3 duplicate-key duplicate key "a" (first defined at line 6); the later value silently replaces the earlier one'],
  'dashes-only.yaml': [],
  'empty.yaml': [],
  // The parser's line count skips line breaks inside error tokens; later lines must not shift.
  'error-token-lines.yaml': [
    '6:1 yaml-syntax YAML syntax error: unexpected flow-seq-end token in YAML stream: "]" (2 more syntax errors in this document follow from it)',
    '15:3 duplicate-key duplicate key "k" (first defined at line 14); the later value silently replaces the earlier one',
  ],
  'go-template-lines.yaml': ['5:1 unrendered-template this file is an unrendered template ({{ if eq .env "prod" }}), not a manifest'],
  'helm-quoted.yaml': ['7:13 unrendered-template this file is an unrendered Helm template ({{ .Release.Name }}), not a manifest'],
  'helm-template.yaml': ['4:9 unrendered-template this file is an unrendered Helm template ({{ include "web.fullname" . }}), not a manifest'],
  'invalid-utf8.yaml': ['4:12 yaml-syntax not valid UTF-8 (byte 0xE9); save the file as UTF-8'],
  'json-patch.yaml': ['1:1 unrendered-template this file is a Kustomize JSON patch (a list of op/path operations), not a manifest'],
  'kustomization.yaml': [],
  'kustomize-component.yml': [],
  'lone-cr.yaml': ['7:3 duplicate-key duplicate key "b" (first defined at line 6); the later value silently replaces the earlier one'],
  'nul-bytes.yaml': ['2:10 yaml-syntax this is a binary file, not YAML (it holds NUL bytes)'],
  'null-documents.yaml': [],
  'placeholder-template.yaml': ['6:9 unrendered-template this document is an unrendered template (metadata.name is "tablet-{{uid}}"), not a manifest'],
  'rendered-go-templates.yaml': [],
  'utf16be-bom.yaml': ['7:3 duplicate-key duplicate key "d" (first defined at line 6); the later value silently replaces the earlier one'],
  'utf16le-bom.yaml': ['7:3 duplicate-key duplicate key "d" (first defined at line 6); the later value silently replaces the earlier one'],
  'utf8-bom.yaml': ['7:3 duplicate-key duplicate key "c" (first defined at line 6); the later value silently replaces the earlier one'],
};

describe('committed hostile fixtures', () => {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, () => {
      const { found, failures } = lintFixture(name);
      expect(failures).toEqual([]);
      // Only parse-level findings are fixed here; rules and schemas have fixtures of their own.
      expect(found.filter((f) => / (yaml-syntax|duplicate-key|unrendered-template) /.test(f))).toEqual(expected);
    });
  }

  it('reads custom tags as plain values with a warning each, never executing them', () => {
    const { result } = lintFixture('custom-tags.yaml');
    const tags = result.findings.filter((f) => f.ruleId === 'yaml-syntax');
    expect(tags.map((f) => `${f.line}:${f.column} ${f.severity}`)).toEqual(['6:8 warning', '7:8 warning', '8:10 warning']);
    expect(tags.every((f) => f.message.includes('custom tags are never executed'))).toBe(true);
    const parsed = parseYaml('t.yaml', readFileSync(HOSTILE + 'custom-tags.yaml', 'utf8'));
    expect(parsed.documents[0]!.value).toMatchObject({ data: { ref: 'SomeParameter', cmd: ['echo pwned'], shell: 'ls' } });
  });

  it('skips kustomization files with a note, by name and by apiVersion', () => {
    expect(lintFixture('kustomization.yaml').notices.join('\n')).toMatch(/kustomization\.yaml: skipped, a Kustomize file/);
    expect(lintFixture('kustomize-component.yml').notices.join('\n')).toMatch(/1 configuration file, not an API object, was not linted .*kustomize-component\.yml \(Kustomize Component\)/);
  });

  it('counts no resources in empty, comment-only and null documents', () => {
    for (const name of ['empty.yaml', 'dashes-only.yaml', 'comments-only.yaml', 'null-documents.yaml']) {
      const { result } = lintFixture(name);
      expect(result.findings).toEqual([]);
      expect(result.summary.resources).toBe(0);
    }
  });
});

describe('decoding bytes', () => {
  const bytes = (...parts: (string | number[])[]) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

  it('drops a UTF-8 BOM and reads UTF-16 with either BOM', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'a: 1\n'))).toEqual({ text: 'a: 1\n' });
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x61, 0, 0x3a, 0, 0x20, 0, 0x31, 0]))).toEqual({ text: 'a: 1' });
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0, 0x61, 0, 0x3a, 0, 0x20, 0, 0x31]))).toEqual({ text: 'a: 1' });
  });

  it('points at the first byte that is not UTF-8, counting characters before it', () => {
    const decoded = decodeText(bytes('a: 1\nname: é', [0xc3], '\n'));
    expect(decoded.error).toEqual({ offset: 12, message: 'not valid UTF-8 (byte 0xC3); save the file as UTF-8' });
    expect(decodeText(bytes('x: ', [0xed, 0xa0, 0x80])).error?.offset).toBe(3); // an encoded surrogate
    expect(decodeText(bytes('x: ', [0xc0, 0xaf])).error?.offset).toBe(3); // an overlong form
  });

  it('reports NUL bytes anywhere, not only in the first block, without writing them out', () => {
    const decoded = decodeText(bytes('a'.repeat(10000), '\n', [0], '\n'));
    expect(decoded.error).toEqual({ offset: 10001, message: 'this is a binary file, not YAML (it holds NUL bytes)' });
    expect(decoded.text.includes('\0')).toBe(false);
  });

  it('tells UTF-16 without a byte order mark apart from a binary file', () => {
    const utf16 = new Uint8Array([...'kind: Pod\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(decodeText(utf16).error).toEqual({ offset: 1, message: 'this looks like UTF-16 text without a byte order mark; save it as UTF-8' });
  });

  it('turns lone CR into LF and leaves CRLF alone, keeping offsets', () => {
    expect(decodeText(bytes('a: 1\rb: 2\r\nc: 3')).text).toBe('a: 1\nb: 2\r\nc: 3');
  });
});

describe('template markers', () => {
  it('finds Helm expressions even in quoted strings, and bare Go templates at the start of a line or value', () => {
    expect(findTemplateMarker('a: "{{ .Values.x }}"\n')).toMatchObject({ start: 4, flavour: 'helm' });
    expect(findTemplateMarker('a: 1\n  {{- end }}\n')).toMatchObject({ start: 7, flavour: 'go-template' });
    expect(findTemplateMarker('- {{ x }}\n')).toMatchObject({ start: 2 });
  });

  it('leaves Go templates that rendered manifests carry alone', () => {
    expect(findTemplateMarker("a: '{{ $labels.x }}'\nb: job-{{w.name}}\nc: |\n  {{ if x }}y{{ end }}\n# {{ .Values.x }}\n")).toBeUndefined();
  });

  it('stays linear on a line of a million braces', () => {
    const started = Date.now();
    expect(findTemplateMarker('a: x' + '{{'.repeat(500000) + '\n')).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('failures inside checks', () => {
  it('keeps the other findings when a rule throws, and reports the failure as internal-error', () => {
    const throwing = defineRule({
      id: 'always-throws',
      description: 'A rule that fails on every resource',
      severity: 'error',
      recommended: true,
      category: 'correctness',
      messages: { never: 'never reported' },
      *check() {
        throw new Error('boom');
      },
    });
    const result = lintYamlFile(
      { path: 'x.yaml', text: 'kind: Pod\nmetadata: {name: a}\n', language: 'yaml' },
      {
        kubernetesVersion: '1.36',
        defaultNamespace: 'default',
        rules: [
          { rule: throwing, setting: { severity: 'error', options: {} } },
          { rule: requiredFields, setting: { severity: 'error', options: {} } },
        ],
      },
    );
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.ruleId} ${f.message}`).sort()).toEqual([
      '1:1 internal-error rule always-throws failed on this resource: boom',
      '1:1 required-fields missing required field "apiVersion"',
    ]);
  });

  it('keeps the other findings when the schema stage throws (public API)', async () => {
    const result = await lintText('kind: Pod\nmetadata: {name: a}\n', {
      schemaStage: {
        check() {
          throw new Error('schema exploded');
        },
      },
    });
    const ids = result.findings.map((f) => f.ruleId);
    expect(ids).toContain('internal-error');
    expect(ids).toContain('required-fields');
    expect(result.findings.find((f) => f.ruleId === 'internal-error')!.message).toBe('rule schema failed on this resource: schema exploded');
  });
});

describe('aliases', () => {
  it('counts the depth that aliases add: 1 + 100 + 200 levels is too deep, 1 + 40 + 200 is not', () => {
    const anchor = `a: &a ${'['.repeat(200)}${']'.repeat(200)}\n`;
    const use = (n: number) => `${'['.repeat(n)}*a${']'.repeat(n)}`;
    const deep = parseYaml('t.yaml', `${anchor}b: ${use(100)}\n`);
    expect(deep.findings.map(brief)).toEqual(['2:104 yaml-syntax alias "*a" nests this document more than 256 levels deep; the document was not read']);
    expect(parseYaml('t.yaml', `${anchor}c: ${use(40)}\n`).findings).toEqual([]);
  });

  it('reads the other documents of a stream when one is a bomb', () => {
    const bomb = readFileSync(HOSTILE + 'billion-laughs.yaml', 'utf8');
    const parsed = parseYaml('t.yaml', `a: 1\n---\n${bomb}---\nb: 2\n`);
    expect(parsed.documents.map((d) => (d.broken ? 'broken' : JSON.stringify(d.value)))).toEqual(['{"a":1}', 'broken', '{"b":2}']);
  });
});

describe('volume', () => {
  it('reports 200,000 duplicate keys on one line without overflowing the stack', async () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {${Array(200001).fill('a: "1"').join(', ')}}\n`;
    const result = await lintText(text);
    const duplicates = result.findings.filter((f) => f.ruleId === 'duplicate-key');
    expect(duplicates).toHaveLength(200000);
    expect(result.findings.some((f) => f.ruleId === 'yaml-syntax')).toBe(false);
    expect(duplicates[199999]!.column).toBe(text.split('\n')[3]!.lastIndexOf('a: ') + 1);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/input/decode.js';
import { parseYaml } from '../src/parse/parse-yaml.js';

function doc(text: string, n = 0) {
  const parsed = parseYaml('t.yaml', text);
  const d = parsed.documents[n];
  if (!d) throw new Error('no document');
  return { d, parsed };
}

describe('locate', () => {
  it('points at keys and values in block style', () => {
    const { d } = doc('a: 1\nspec:\n  replicas: "3"\n');
    expect(d.locator.locate(['spec', 'replicas'], 'key')).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 11 });
    expect(d.locator.locate(['spec', 'replicas'], 'value')).toEqual({ line: 3, column: 13, endLine: 3, endColumn: 16 });
  });

  it('handles flow style', () => {
    const { d } = doc('spec: {ports: [{port: 80, nodePort: 1}]}\n');
    expect(d.locator.locate(['spec', 'ports', 0, 'nodePort'], 'value')).toEqual({ line: 1, column: 37, endLine: 1, endColumn: 38 });
    expect(d.locator.locate(['spec', 'ports', 0, 'nodePort'], 'key')).toEqual({ line: 1, column: 27, endLine: 1, endColumn: 35 });
  });

  it('keeps columns right with CRLF line endings', () => {
    const { d } = doc('a: 1\r\nb:\r\n  c: x\r\n');
    expect(d.locator.locate(['b', 'c'], 'value')).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 7 });
  });

  it('drops a UTF-8 BOM so that line 1 columns match the editor', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('kind: Pod\n')]);
    const decoded = decodeText(bytes);
    if (!('text' in decoded)) throw new Error('not decoded');
    const { d } = doc(decoded.text);
    expect(d.locator.locate(['kind'], 'value')).toEqual({ line: 1, column: 7, endLine: 1, endColumn: 10 });
  });

  it('turns lone CR line breaks into LF without moving offsets', () => {
    const decoded = decodeText(new TextEncoder().encode('a: 1\rb: 2\r'));
    if (!('text' in decoded)) throw new Error('not decoded');
    const { d } = doc(decoded.text);
    expect(d.locator.locate(['b'], 'value')).toEqual({ line: 2, column: 4, endLine: 2, endColumn: 5 });
  });

  it('locates through multi-document streams', () => {
    const { d } = doc('a: 1\n---\nb: 2\n---\nc:\n  d: 3\n', 2);
    expect(d.locator.locate(['c', 'd'], 'value')).toEqual({ line: 6, column: 6, endLine: 6, endColumn: 7 });
  });

  it('follows aliases to the anchored node', () => {
    const { d } = doc('base: &b\n  x: 1\n  z: 2\nuse: *b\n');
    expect(d.value).toEqual({ base: { x: 1, z: 2 }, use: { x: 1, z: 2 } });
    expect(d.locator.locate(['use', 'z'], 'value')).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 7 });
    expect(d.locator.locate(['use'], 'value')).toEqual({ line: 4, column: 6, endLine: 4, endColumn: 8 });
  });

  it('finds keys that come from merge keys', () => {
    const { d } = doc('base: &b\n  x: 1\nuse:\n  <<: *b\n  z: 3\n');
    expect(d.value).toEqual({ base: { x: 1 }, use: { x: 1, z: 3 } });
    expect(d.locator.locate(['use', 'x'], 'key')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 4 });
    expect(d.locator.locate(['use', 'z'], 'key')).toEqual({ line: 5, column: 3, endLine: 5, endColumn: 4 });
  });

  it('points at block scalars as a whole value', () => {
    const { d } = doc('data:\n  script: |\n    echo hi\n    exit 0\nafter: 1\n');
    const span = d.locator.locate(['data', 'script'], 'value');
    expect(span.line).toBe(2);
    expect(span.column).toBe(11);
    expect(d.locator.locate(['after'], 'key')).toEqual({ line: 5, column: 1, endLine: 5, endColumn: 6 });
  });

  it('falls back to the deepest node found and never returns line 0', () => {
    const { d } = doc('spec:\n  template:\n    x: 1\n');
    expect(d.locator.locate(['spec', 'template', 'spec', 'containers', 0], 'key')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 11 });
    expect(d.locator.has(['spec', 'template', 'spec'])).toBe(false);
    const empty = parseYaml('e.yaml', '').documents;
    expect(empty).toEqual([]);
  });

  it('points at the first key of a sequence item that is a mapping', () => {
    const { d } = doc('items:\n  - name: a\n    image: b\n');
    expect(d.locator.locate(['items', 0], 'key')).toEqual({ line: 2, column: 5, endLine: 2, endColumn: 9 });
  });
});

describe('YAML 1.1, on purpose', () => {
  it('reads yes/no/on/off as booleans, like the API server', () => {
    const { d } = doc('a: yes\nb: no\nc: on\nd: off\ne: y\nf: True\n');
    expect(d.value).toEqual({ a: true, b: false, c: true, d: false, e: true, f: true });
  });

  it('stringifies non-string keys like the decoder (`on:` becomes "true")', () => {
    const { d } = doc('data:\n  on: 1\n  5: 2\n  3.14: 3\n');
    expect(d.value).toEqual({ data: { true: 1, '5': 2, '3.14': 3 } });
    expect(d.locator.locate(['data', 'true'], 'key')).toEqual({ line: 2, column: 3, endLine: 2, endColumn: 5 });
  });

  it('reads 0755 as octal and keeps timestamps and sexagesimal as strings', () => {
    const { d } = doc('mode: 0755\nt: 2020-08-04T10:08:01Z\nport: 8080:80\n');
    expect(d.value).toEqual({ mode: 493, t: '2020-08-04T10:08:01Z', port: '8080:80' });
  });

  it('reads custom tags as plain values with a warning, never executing them', () => {
    const parsed = parseYaml('t.yaml', 'a: !Ref x\nb: !!python/object:os.system ls\n');
    expect(parsed.documents[0]!.value).toEqual({ a: 'x', b: 'ls' });
    expect(parsed.findings.every((f) => f.severity === 'warning' && f.ruleId === 'yaml-syntax')).toBe(true);
    expect(parsed.findings).toHaveLength(2);
  });

  it('treats empty, comment-only and null documents as empty', () => {
    const parsed = parseYaml('t.yaml', '---\n# only a comment\n---\n---\n~\n---\nnull\n');
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.every((d) => d.empty)).toBe(true);
  });
});

describe('duplicate keys', () => {
  it('reports the second occurrence with the line of the first', () => {
    const parsed = parseYaml('t.yaml', 'spec:\n  containers: []\n  replicas: 1\n  containers: []\n');
    expect(parsed.findings).toHaveLength(1);
    const f = parsed.findings[0]!;
    expect(f.ruleId).toBe('duplicate-key');
    expect([f.line, f.column, f.endColumn]).toEqual([4, 3, 13]);
    expect(f.message).toContain('first defined at line 2');
    expect(f.pointer).toBe('/spec/containers');
  });
});

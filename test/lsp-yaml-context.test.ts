import { describe, expect, it } from 'vitest';
import { cursorContext, fieldPathOf, keysOf } from '../src/lsp/yaml-context.js';

/** The context at the `‸` of a text (the mark is removed first). */
function at(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return cursorContext(text, before.length - 1, before[before.length - 1]!.length);
}

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  ports:
  - port: 80
    nodePort: 30080
  - name: "tls"
    port: 443
`;

describe('cursorContext', () => {
  it('finds the path of a key through a sequence at its parent key\'s indentation', () => {
    const ctx = at(SERVICE.replace('nodePort: 30080', 'node‸Port: 30080'));
    expect(ctx).toMatchObject({ apiVersion: 'v1', kind: 'Service', place: { type: 'key', path: ['spec', 'ports', 0, 'nodePort'], start: 4, end: 12 } });
    expect(at(SERVICE.replace('port: 443', 'po‸rt: 443'))?.place).toMatchObject({ type: 'key', path: ['spec', 'ports', 1, 'port'] });
    expect(at(SERVICE.replace('- name: "tls"', '- na‸me: "tls"'))?.place).toMatchObject({ type: 'key', path: ['spec', 'ports', 1, 'name'] });
  });

  it('tells a value from a key, with the text typed so far', () => {
    expect(at(SERVICE.replace('type: NodePort', 'type: No‸dePort'))?.place).toEqual({ type: 'value', path: ['spec', 'type'], prefixStart: 8, prefix: 'No', afterColon: false });
    expect(at(SERVICE.replace('kind: Service', 'kind:‸'))?.place).toEqual({ type: 'value', path: ['kind'], prefixStart: 5, prefix: '', afterColon: true });
    expect(at(SERVICE.replace('kind: Service', 'kind: ‸Service'))?.place).toEqual({ type: 'value', path: ['kind'], prefixStart: 6, prefix: '', afterColon: false });
  });

  it('gives the parent of a key being typed, from the cursor column, with the keys already there', () => {
    const ctx = at(SERVICE.replace('  type: NodePort\n', '  type: NodePort\n  se‸\n'));
    expect(ctx?.place).toEqual({ type: 'new-key', parent: ['spec'], prefixStart: 2, prefix: 'se', siblings: ['type', 'ports'] });
    expect(at(SERVICE + '  ‸')?.place).toMatchObject({ type: 'new-key', parent: ['spec'], prefix: '' });
    expect(at(SERVICE + '‸')?.place).toMatchObject({ type: 'new-key', parent: [], siblings: ['apiVersion', 'kind', 'metadata', 'spec'] });
    expect(at(SERVICE + '    ‸')?.place).toMatchObject({ type: 'new-key', parent: ['spec', 'ports', 1] });
    expect(at(SERVICE + '  - ‸')?.place).toMatchObject({ type: 'new-key', parent: ['spec', 'ports', 2] });
  });

  it('reads the items of a List as objects of their own', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    spec:\n      type: NodePort\n  - apiVersion: apps/v1\n    kind: Deployment\n    spec:\n      repl‸icas: 2\n`;
    expect(at(list)).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', place: { type: 'key', path: ['spec', 'replicas'], start: 6, end: 14 } });
    expect(at(list.replace('repl‸icas: 2', 'replicas: 2').replace('type: NodePort', 'type: NodePort\n      ‸'))?.place).toMatchObject({ type: 'new-key', parent: ['spec'], siblings: ['type'] });
    expect(at(list.replace('repl‸icas: 2', 'replicas: 2').replace('  - apiVersion: v1', '  - apiVer‸sion: v1'))).toMatchObject({ apiVersion: 'v1', kind: 'Service', place: { path: ['apiVersion'] } });
    expect(at(list.replace('repl‸icas: 2', 'replicas: 2').replace('items:', 'it‸ems:'))).toMatchObject({ apiVersion: 'v1', kind: 'List', place: { path: ['items'] } });
  });

  it('keeps to the document of the cursor in a stream', () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\n---\napiVersion: v1\nkind: ConfigMap\ndata:\n  k‸: v\n`;
    expect(at(text)).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', place: { type: 'key', path: ['data', 'k'] } });
  });

  it('reads block scalars and continued values as values, and comments as nothing', () => {
    const text = `kind: ConfigMap\ndata:\n  script: |\n    name: not-a-key\n    more\n  other: 1\n`;
    expect(at(text.replace('more', 'more‸'))).toBeUndefined();
    expect(at(text.replace('name: not', 'na‸me: not'))).toBeUndefined();
    expect(at(text.replace('  other', '  oth‸er'))?.place).toMatchObject({ type: 'key', path: ['data', 'other'] });
    expect(at(`kind: Pod\nmetadata:\n  annotations:\n    note: a long\n      plain va‸lue\n`)).toBeUndefined();
    expect(at(`kind: Pod\n# spec: x‸\n`)).toBeUndefined();
    expect(at(`kind: Pod\nspec:  # the sp‸ec\n`)).toBeUndefined();
  });

  it('never throws on odd text', () => {
    for (const text of ['', '‸', '---‸', ': ‸', '- - - ‸', '"unterminated: ‸', '{a: [b, ‸', '\t\tkey: ‸v', 'a:\n\t- b: ‸']) {
      expect(() => at(text.includes('‸') ? text : text + '‸')).not.toThrow();
    }
  });
});

describe('keysOf and fieldPathOf', () => {
  it('lists keys with their paths and values, quotes removed', () => {
    const lines = SERVICE.split('\n');
    const keys = keysOf(lines, 0, lines.length - 1);
    expect(keys.filter((k) => k.path.length === 1).map((k) => [k.path[0], k.value])).toEqual([
      ['apiVersion', 'v1'],
      ['kind', 'Service'],
      ['metadata', ''],
      ['spec', ''],
    ]);
    expect(keys.find((k) => k.path.join('.') === 'spec.ports.1.name')?.value).toBe('tls');
    expect(fieldPathOf(['spec', 'ports', 1, 'name'])).toEqual(['spec', 'ports', 'name']);
  });
});

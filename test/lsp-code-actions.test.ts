import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint.js';
import { defaultLintOptions } from '../src/engine/setup.js';
import { codeActionsFor, fixEditsOf } from '../src/lsp/code-actions.js';
import type { Finding, SourceFile } from '../src/types.js';

const options = await defaultLintOptions();
const lintOne = (file: SourceFile) => lintSources([file], options).findings;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 80
`;

const finding = (extra: Record<string, unknown>): Finding =>
  ({ file: 'a.yaml', ruleId: 'schema', severity: 'error', message: 'm', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 2, ...extra }) as Finding;

const ALL = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/** The text after applying every edit of one code action. */
function applied(doc: TextDocument, action: { edit?: { changes?: Record<string, { range: never; newText: string }[]> } }): string {
  return TextDocument.applyEdits(doc, action.edit!.changes![doc.uri]!);
}

describe('fixEditsOf', () => {
  it('reads the edits of a fix, sorted', () => {
    expect(fixEditsOf(finding({ fix: { edits: [{ start: 4, end: 5, text: 'x' }, { start: 0, end: 1, text: '' }] } }), 10)).toEqual([
      { start: 0, end: 1, text: '' },
      { start: 4, end: 5, text: 'x' },
    ]);
  });

  it('takes edits outside the text, backwards or overlapping for no fix', () => {
    for (const edits of [[], [{ start: 1, end: 0, text: '' }], [{ start: 0, end: 11, text: '' }], [{ start: -1, end: 0, text: '' }], [{ start: 0.5, end: 1, text: '' }], [{ start: 0, end: 3, text: 'a' }, { start: 2, end: 4, text: 'b' }]]) {
      expect(fixEditsOf(finding({ fix: { edits } }), 10)).toBeUndefined();
    }
    expect(fixEditsOf(finding({}), 10)).toBeUndefined();
  });
});

describe('codeActionsFor', () => {
  it('turns a finding\'s fix into a workspace edit in editor positions', () => {
    const doc = TextDocument.create('file:///w/svc.yaml', 'yaml', 1, SERVICE);
    const file: SourceFile = { path: '/w/svc.yaml', text: SERVICE, language: 'yaml' };
    const at = SERVICE.indexOf('nodePort: 80') + 'nodePort: '.length;
    const synthetic = finding({ file: file.path, ruleId: 'nodeport-range', line: 11, column: 17, endLine: 11, endColumn: 19, fix: { edits: [{ start: at, end: at + 2, text: '30080' }] } });
    const actions = codeActionsFor(doc, file, [synthetic], ALL);
    const fix = actions.find((a) => a.title === 'Fix this nodeport-range problem')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [{ code: 'nodeport-range' }] });
    expect(fix.edit!.changes![doc.uri]).toEqual([{ range: { start: { line: 10, character: 16 }, end: { line: 10, character: 18 } }, newText: '30080' }]);
    expect(applied(doc, fix as never)).toBe(SERVICE.replace('nodePort: 80', 'nodePort: 30080'));
    // Only the findings in the range asked about.
    expect(codeActionsFor(doc, file, [synthetic], { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } })).toEqual([]);
  });

  it('offers the fixes the checks make: an enum value in the wrong case', () => {
    const text = SERVICE.replace('    - port: 80\n', '    - port: 80\n      protocol: udp\n');
    const file: SourceFile = { path: '/w/svc.yaml', text, language: 'yaml' };
    const doc = TextDocument.create('file:///w/svc.yaml', 'yaml', 1, text);
    const found = lintOne(file).filter((f) => f.fix !== undefined);
    expect(found.map((f) => f.ruleId)).toEqual(['schema']);
    const fix = codeActionsFor(doc, file, found, ALL).find((a) => a.title === 'Fix this schema problem')!;
    expect(applied(doc, fix as never)).toBe(text.replace('protocol: udp', 'protocol: UDP'));
  });

  /** Offers "disable" for each finding, applies it, lints again: the finding is gone and the comment is used. */
  function disablesEach(file: SourceFile, languageId: string): string[] {
    const doc = TextDocument.create(`file://${file.path}`, languageId, 1, file.text);
    const findings = lintOne(file);
    expect(findings.length).toBeGreaterThan(0);
    const texts: string[] = [];
    for (const f of findings) {
      const action = codeActionsFor(doc, file, [f], ALL).find((a) => a.title === `Disable ${f.ruleId} for this line`);
      expect(action, `${f.ruleId} at ${f.line}`).toBeDefined();
      const text = applied(doc, action as never);
      const after = lintOne({ ...file, text });
      expect(after.filter((g) => g.ruleId === f.ruleId && g.message === f.message)).toEqual([]);
      expect(after.filter((g) => g.ruleId === 'unused-disable-directive')).toEqual([]);
      expect(after.length).toBe(findings.length - 1);
      texts.push(text);
    }
    return texts;
  }

  it('disables a rule for a line of a manifest with an end-of-line comment, or by adding to one', () => {
    const texts = disablesEach({ path: '/w/svc.yaml', text: SERVICE, language: 'yaml' }, 'yaml');
    expect(texts).toContain(SERVICE.replace('nodePort: 80', 'nodePort: 80  # k8s-lint-disable-line nodeport-range'));
    const commented = SERVICE.replace('nodePort: 80', 'nodePort: 80 # the node port');
    expect(disablesEach({ path: '/w/svc.yaml', text: commented, language: 'yaml' }, 'yaml')).toContain(
      commented.replace('      nodePort: 80', '      # k8s-lint-disable-next-line nodeport-range\n      nodePort: 80'),
    );
    const directive = SERVICE.replace('nodePort: 80', 'nodePort: 80  # k8s-lint-disable-line nodeport-range');
    const doc = TextDocument.create('file:///w/svc.yaml', 'yaml', 1, directive);
    const file: SourceFile = { path: '/w/svc.yaml', text: directive, language: 'yaml' };
    const [left] = lintOne(file).filter((f) => f.line === 11);
    const action = codeActionsFor(doc, file, [left!], ALL).find((a) => a.title.startsWith('Disable'))!;
    expect(applied(doc, action as never)).toBe(directive.replace('nodeport-range', `nodeport-range, ${left!.ruleId}`));
  });

  it('disables kubectl rules in scripts, also inside a command continued over lines, and in Markdown', () => {
    const script = '#!/bin/sh\nkubectl run web --image=nginx \\\n  --generator=run-pod/v1\nkubectl get pods --bogus-flag\n';
    const texts = disablesEach({ path: '/w/s.sh', text: script, language: 'shell' }, 'shellscript');
    expect(texts).toContain('#!/bin/sh\n# k8s-lint-disable kubectl-run-generator\nkubectl run web --image=nginx \\\n  --generator=run-pod/v1\n# k8s-lint-enable kubectl-run-generator\nkubectl get pods --bogus-flag\n');
    const markdown = '# Notes\n\n```yaml\n' + SERVICE + '```\n\n```sh\nkubectl get pods --bogus-flag\n```\n';
    disablesEach({ path: '/w/n.md', text: markdown, language: 'markdown' }, 'markdown');
  });

  it('offers nothing for findings no comment can silence, nor comments in JSON', () => {
    const doc = TextDocument.create('file:///w/a.json', 'json', 1, '{}');
    const file: SourceFile = { path: '/w/a.json', text: '{}', language: 'json' };
    expect(codeActionsFor(doc, file, [finding({ file: file.path })], ALL)).toEqual([]);
    expect(codeActionsFor(doc, { ...file, language: 'yaml' }, [finding({ file: file.path, ruleId: 'internal-error' })], ALL)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFixes } from '../src/fix/apply.js';
import { unifiedDiff } from '../src/fix/diff.js';
import type { Finding, TextEdit } from '../src/types.js';

function finding(ruleId: string, ...edits: TextEdit[]): Finding {
  return { file: 'f', ruleId, severity: 'error', message: ruleId, pointer: '', line: 1, column: 1, endLine: 1, endColumn: 2, fix: { edits } };
}

describe('applyFixes', () => {
  it('applies every fix that does not overlap, in source order, whatever the order of the findings', () => {
    const text = 'protocol: udp\npolicy: always\n';
    const out = applyFixes(text, [finding('b', { start: 22, end: 28, text: 'Always' }), finding('a', { start: 10, end: 13, text: 'UDP' })]);
    expect(out.text).toBe('protocol: UDP\npolicy: Always\n');
    expect(out.applied.map((f) => f.ruleId)).toEqual(['a', 'b']);
    expect(out.skipped).toEqual([]);
  });

  it('leaves a fix that overlaps an applied one for the next pass, all of its edits', () => {
    const text = 'abcdef';
    const out = applyFixes(text, [finding('first', { start: 0, end: 3, text: 'X' }), finding('second', { start: 5, end: 6, text: 'Y' }, { start: 2, end: 4, text: 'Z' })]);
    expect(out.text).toBe('Xdef');
    expect(out.skipped.map((f) => f.ruleId)).toEqual(['second']);
  });

  it('treats two insertions at one offset as overlapping, and the same fix twice as one', () => {
    expect(applyFixes('ab', [finding('x', { start: 1, end: 1, text: '1' }), finding('y', { start: 1, end: 1, text: '2' })]).text).toBe('a1b');
    const same = applyFixes('ab', [finding('x', { start: 1, end: 1, text: ' ' }), finding('y', { start: 1, end: 1, text: ' ' })]);
    expect(same.text).toBe('a b');
    expect(same.skipped).toEqual([]);
  });

  it('ignores findings without a fix, and fixes whose edits fall outside the text or overlap each other', () => {
    const plain: Finding = { ...finding('p'), fix: undefined };
    const outside = finding('o', { start: 5, end: 9, text: '' });
    const selfOverlap = finding('s', { start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' });
    expect(applyFixes('abc', [plain, outside, selfOverlap]).text).toBe('abc');
  });
});

describe('unifiedDiff', () => {
  it('prints hunks with three lines of context and line numbers as diff -u does', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].join('\n') + '\n';
    const after = before.replace('e\n', 'E\n').replace('j\n', 'j\nk\n');
    expect(unifiedDiff('x.yaml', before, after)).toBe(
      ['--- a/x.yaml', '+++ b/x.yaml', '@@ -2,9 +2,10 @@', ' b', ' c', ' d', '-e', '+E', ' f', ' g', ' h', ' i', ' j', '+k', ''].join('\n'),
    );
  });

  it('is empty for equal texts, shows a missing last line break, and keeps CRLF line ends', () => {
    expect(unifiedDiff('x', 'a\n', 'a\n')).toBe('');
    expect(unifiedDiff('x', 'a', 'b')).toBe('--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n');
    expect(unifiedDiff('x', 'a:b\r\n', 'a: b\r\n')).toBe('--- a/x\n+++ b/x\n@@ -1,1 +1,1 @@\n-a:b\r\n+a: b\r\n');
    expect(unifiedDiff('x', '', 'a\n')).toBe('--- a/x\n+++ b/x\n@@ -0,0 +1,1 @@\n+a\n');
  });
});

describe('lint results carry their fixes', () => {
  it('applyFixes on what lintText found fixes the text an editor holds', async () => {
    const { lintText } = await import('../src/engine/lint.js');
    const text = 'apiVersion: v1\nkind: Service\nmetadata: {name: dns}\nspec:\n  ports: [{port: 53, protocol: udp}]\n';
    const { findings } = await lintText(text);
    const fixable = findings.filter((f) => f.fix);
    expect(fixable.map((f) => [f.ruleId, f.fix])).toEqual([['schema', { edits: [{ start: text.indexOf('udp'), end: text.indexOf('udp') + 3, text: 'UDP' }] }]]);
    expect(applyFixes(text, findings).text).toBe(text.replace('udp', 'UDP'));
  });
});

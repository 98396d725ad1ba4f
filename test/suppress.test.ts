import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint.js';
import { yamlComments, lineComments } from '../src/suppress/comments.js';
import { parseDirectives } from '../src/suppress/directives.js';
import { runCli } from './helpers/cli.js';
import { describeOutcome, runFixture } from './helpers/run-fixture.js';

const DIR = new URL('../fixtures/suppress/', import.meta.url).pathname;

describe('fixtures/suppress (inline expectations)', () => {
  for (const name of readdirSync(DIR).filter((n) => n.endsWith('.yaml')).sort()) {
    it(name, async () => {
      expect(describeOutcome(await runFixture(join(DIR, name)))).toBe('');
    });
  }
});

describe('comment scan', () => {
  it('finds own-line and trailing comments, not # inside quotes or plain words', () => {
    const text = [
      '# top', //
      'a: "x # not a comment"',
      "b: 'it''s # still text' # real",
      'c: a#b',
      'd: x # trailing',
    ].join('\n');
    expect(yamlComments(text).map((c) => [c.line, c.column, c.ownLine])).toEqual([
      [1, 1, true],
      [3, 25, false],
      [5, 6, false],
    ]);
  });

  it('treats block scalar content and multi-line quoted scalars as text', () => {
    const text = [
      'script: |-', //
      '  # inside',
      '',
      '  # still inside',
      '# outside',
      'msg: "first line',
      '  # inside the quotes',
      '  end" # after',
      'list:',
      '  - >',
      '    # folded text',
      '  # outside again',
    ].join('\n');
    expect(yamlComments(text).map((c) => c.line)).toEqual([5, 8, 12]);
  });

  it('reads Markdown and shell comments on their own lines', () => {
    expect(lineComments('<!-- k8s-lint-disable-file -->\ntext # no\n  # yes').map((c) => [c.line, c.text])).toEqual([
      [1, ' k8s-lint-disable-file '],
      [3, ' yes'],
    ]);
  });

  it('parses ids, commas, reasons and the kind of directive', () => {
    const [d] = parseDirectives(yamlComments('# k8s-lint-disable-next-line a, b c -- because -- really'));
    expect(d).toMatchObject({ kind: 'disable-next-line', reason: 'because -- really' });
    expect(d!.rules.map((r) => [r.id, r.column])).toEqual([
      ['a', 30],
      ['b', 33],
      ['c', 35],
    ]);
    expect(parseDirectives(yamlComments('x: 1 # k8s-lint-disable-next-line a'))[0]!.kind).toBe('disable-line');
    expect(parseDirectives(yamlComments('# k8s-lint-disabled a'))).toEqual([]);
  });
});

describe('suppression in the pipeline', () => {
  const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      nodePort: 1 # k8s-lint-disable-line nodeport-range\n';

  it('suppresses by rule id and counts only what is left', () => {
    const r = lintSources([{ path: 'a.yaml', text, language: 'yaml' }]);
    expect(r.findings).toEqual([]);
    expect(r.summary.errors).toBe(0);
  });

  it('never by message: another rule on the same line is kept', () => {
    const other = text.replace('nodeport-range', 'image-tag');
    const r = lintSources([{ path: 'a.yaml', text: other, language: 'yaml' }]);
    expect(r.findings.map((f) => f.ruleId).sort()).toEqual(['nodeport-range', 'unused-disable-directive']);
  });

  it('reportUnusedDisableDirectives sets the severity or turns the report off', () => {
    const unused = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c # k8s-lint-disable-line image-tag\n';
    const files = [{ path: 'a.yaml', text: unused, language: 'yaml' as const }];
    expect(lintSources(files).findings.map((f) => f.severity)).toEqual(['warning']);
    expect(lintSources(files, { reportUnusedDisableDirectives: 'error' }).summary.errors).toBe(1);
    expect(lintSources(files, { reportUnusedDisableDirectives: 'off' }).findings).toEqual([]);
  });

  it('the CLI flags control unused directive reports', () => {
    const input = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c # k8s-lint-disable-line image-tag\n';
    expect(runCli(['-f', 'compact', '-'], { input }).stdout).toContain('warning: unused k8s-lint-disable-line directive');
    const bare = runCli(['-f', 'compact', '--report-unused-disable-directives', '-'], { input });
    expect(runCli(['-f', 'compact', '--report-unused-disable-directives-severity', 'info', '-'], { input }).stdout).toContain('info: unused');
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('error: unused');
    expect(runCli(['-f', 'compact', '--no-report-unused-disable-directives', '-'], { input }).stdout).toBe('');
  });
});

describe('docs/rules/unused-disable-directive.md', () => {
  const markdown = readFileSync(new URL('../docs/rules/unused-disable-directive.md', import.meta.url), 'utf8');
  const example = (heading: string) => /```yaml\n([\s\S]*?)\n```/.exec(markdown.slice(markdown.indexOf(`## ${heading}`)))![1]! + '\n';
  const ids = (text: string) => lintSources([{ path: 'doc.yaml', text, language: 'yaml' }]).findings.map((f) => f.ruleId);

  it('its incorrect example is reported, its correct one is not', () => {
    expect(ids(example('Incorrect'))).toContain('unused-disable-directive');
    expect(ids(example('Correct'))).not.toContain('unused-disable-directive');
    expect(ids(example('Correct'))).not.toContain('nodeport-range');
  });
});

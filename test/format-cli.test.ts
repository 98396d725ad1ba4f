import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/cli/progress.js';
import { parseOutputs } from '../src/cli/lint.js';
import { runCli } from './helpers/cli.js';

const INPUT = 'fixtures/format/input/';

describe('--format on the command line', () => {
  it('writes several formats, each to stdout or its own file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-formats-'));
    const r = runCli(['-f', 'compact', '-f', `junit=${dir}/report.xml`, '-f', `json=${dir}/nested/out.json`, INPUT]);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('fixtures/format/input/broken.yaml:6:1: error: tab character used for indentation; YAML indentation must use spaces [yaml-syntax]');
    expect(readFileSync(`${dir}/report.xml`, 'utf8')).toMatch(/^<\?xml/);
    expect((JSON.parse(readFileSync(`${dir}/nested/out.json`, 'utf8')) as { version: number }).version).toBe(1);
  });

  it('never colours a file, even when colour is forced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-formats-'));
    const r = runCli(['--color', '-f', 'stylish', '-f', `stylish=${dir}/out.txt`, INPUT]);
    expect(r.stdout).toContain('\u001b[');
    expect(readFileSync(`${dir}/out.txt`, 'utf8')).not.toContain('\u001b[');
  });

  it('adds GitHub annotations to stylish output under GitHub Actions, unless a format is chosen', () => {
    const auto = runCli([INPUT], { env: { GITHUB_ACTIONS: 'true' } });
    expect(auto.stdout).toMatch(/^4 files, 5 resources: \d+ errors/m);
    expect(auto.stdout).toContain('::error file=fixtures/format/input/broken.yaml,line=6,col=1,endLine=6,endColumn=2,title=yaml-syntax::');
    const chosen = runCli(['-f', 'compact', INPUT], { env: { GITHUB_ACTIONS: 'true' } });
    expect(chosen.stdout).not.toContain('::error');
  });

  it('exits 2 for an unknown format or an unwritable file', () => {
    const bad = runCli(['-f', 'xml', INPUT]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('k8s-lint: unknown format "xml" (use one of: compact, github, json, junit, sarif, stylish)\n');
    // A directory that is a file: mkdir fails at once.
    const file = runCli(['-f', 'sarif=package.json/out.sarif', INPUT]);
    expect(file.code).toBe(2);
    expect(file.stderr).toBe('k8s-lint: cannot write package.json/out.sarif: part of the path is a file, not a directory\n');
  });

  it('keeps --help short and grouped', () => {
    const help = runCli(['--help']).stdout;
    expect(help).toMatch(/Output:\n[\s\S]*Checks:\n[\s\S]*Configuration:\n/);
    expect(help.split("\n").length).toBeLessThan(45);
  });

  it('parses format specs', () => {
    expect(parseOutputs(['sarif=a=b.sarif'], {})).toEqual([{ format: 'sarif', file: 'a=b.sarif' }]);
    expect(parseOutputs(undefined, {})).toEqual([{ format: 'stylish' }]);
    expect(parseOutputs(undefined, { GITHUB_ACTIONS: 'true' })).toEqual([{ format: 'stylish' }, { format: 'github' }]);
    expect(() => parseOutputs(['json='], {})).toThrow(/needs a file name/);
  });
});

describe('progress line', () => {
  function fake(isTTY: boolean, env: NodeJS.ProcessEnv) {
    let t = 0;
    const written: string[] = [];
    const p = createProgress({ stderr: (s) => written.push(s), stderrIsTTY: isTTY, env }, () => t);
    return { p, written, advance: (ms: number) => (t += ms) };
  }

  it('appears on a terminal only after two seconds, and is erased at the end', () => {
    const { p, written, advance } = fake(true, {});
    p.onProgress!(1, 10);
    expect(written).toEqual([]);
    advance(2500);
    p.onProgress!(5, 10);
    expect(written).toEqual(['\r\u001b[2Kk8s-lint: linting 5/10 files…']);
    p.done();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });

  it('never appears in CI or when stderr is not a terminal', () => {
    expect(fake(true, { CI: 'true' }).p.onProgress).toBeUndefined();
    expect(fake(false, {}).p.onProgress).toBeUndefined();
  });
});

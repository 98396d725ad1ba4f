import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROOT, runCli } from './helpers/cli.js';

const BIN = fileURLToPath(new URL('../bin/k8s-lint.js', import.meta.url));

describe('k8s-lint CLI', () => {
  it('exits 0 on a clean manifest and prints a summary', () => {
    const r = runCli(['fixtures/cli/clean.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^1 file, 1 resource: 0 errors, 0 warnings$/m);
  });

  it('exits 1 on the notes and points at the tab and the missing space', () => {
    const r = runCli(['fixtures/notes/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/notes/04-service-nodeport-tab.yaml:11:7: error tab character used for indentation');
    expect(r.stdout).toContain(`fixtures/notes/10-deployment-tabs.yaml:2:12: error missing space after ':' in "apiVersion:apps/v1"`);
    expect(r.stdout).toContain('hint: write "apiVersion: apps/v1"');
  });

  it('underlines the exact span in the code frame', () => {
    const r = runCli(['-'], { input: 'apiVersion: v1\nkind: Pod\nspec: {}\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:1:1: error missing metadata with a name [required-fields]\n  1 | apiVersion: v1\n    | ^^^^^^^^^^\n');
  });

  it('reads standard input with -', () => {
    const r = runCli(['-'], { input: 'kind: Pod\nmetadata: {name: a}\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('<stdin>:1:1: error missing required field "apiVersion" [required-fields]');
  });

  it('decodes standard input like a file: UTF-16 with a BOM, and invalid UTF-8 as a finding', () => {
    const utf16 = spawnSync(process.execPath, [BIN, '--format', 'compact', '-'], {
      cwd: ROOT,
      input: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Pod\nmetadata: {name: a}\n', 'utf16le')]),
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(utf16.stdout).toBe('<stdin>:1:1: error: missing required field "apiVersion" [required-fields]\n');
    const bad = spawnSync(process.execPath, [BIN, '--format', 'compact', '-'], { cwd: ROOT, input: Buffer.from([0x6b, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe('<stdin>:1:4: error: not valid UTF-8 (byte 0xC3); save the file as UTF-8 [yaml-syntax]\n');
  });

  it('prints stable JSON with --format json', () => {
    const r = runCli(['--format', 'json', '-'], { input: 'kind: Pod\nmetadata: {name: a}\n' });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { version: number; findings: { ruleId: string; line: number; column: number; endLine: number; endColumn: number; resource: unknown }[] };
    expect(out.version).toBe(1);
    expect(out.findings[0]).toMatchObject({ ruleId: 'required-fields', line: 1, column: 1, endLine: 1, endColumn: 5, resource: { kind: 'Pod', name: 'a', document: 1 } });
    expect(runCli(['--format', 'json', '-'], { input: 'kind: Pod\nmetadata: {name: a}\n' }).stdout).toBe(r.stdout);
  });

  it('exits 2 with one sentence for a path that does not exist', () => {
    const r = runCli(['does/not/exist.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('k8s-lint: does/not/exist.yaml: no such file or directory\n');
  });

  it('exits 2 for an unknown flag and for no input, without a stack trace', () => {
    const bad = runCli(['--bogus', 'x.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const none = runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^k8s-lint: no input/);
  });

  it('says so when a directory holds no manifests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-empty-'));
    writeFileSync(join(dir, 'notes.rst'), 'nothing to lint\n');
    const r = runCli([dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`note: ${dir}: no manifest files found`);
  });

  it('colours only when asked', () => {
    const plain = runCli(['fixtures/notes/04-service-nodeport-tab.yaml']);
    expect(plain.stdout).not.toContain('\u001b[');
    const forced = runCli(['fixtures/notes/04-service-nodeport-tab.yaml'], { env: { FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[');
    const flag = runCli(['--color', 'fixtures/notes/04-service-nodeport-tab.yaml']);
    expect(flag.stdout).toContain('\u001b[');
  });

  it('prints its version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

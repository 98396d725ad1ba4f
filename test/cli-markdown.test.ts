import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('Markdown files', () => {
  it('lints manifests in yaml blocks and kubectl lines in shell blocks, at their lines in the Markdown file', () => {
    const r = runCli(['--format', 'compact', 'fixtures/markdown/README.md']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'fixtures/markdown/README.md:11:13: error: spec.replicas: expected integer, got string "2" [schema]',
      'fixtures/markdown/README.md:28:39: error: --generator was removed from kubectl (ignored since 1.18, now "unknown flag: --generator") [kubectl-run-generator]',
    ]);
  });

  it('shows the Markdown line in the code frame', () => {
    const r = runCli(['fixtures/markdown/README.md']);
    expect(r.stdout).toContain('  11 |   replicas: "2"\n     |             ^^^\n');
  });

  it('leaves Markdown alone with --no-markdown when walking a directory', () => {
    const r = runCli(['--no-markdown', 'fixtures/markdown']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no manifest files found');
  });
});

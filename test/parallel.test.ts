import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers/cli.js';
import { widgetCrd } from './helpers/manifests.js';

/** A corpus big enough to be spread over worker threads: the fixtures, copied many times. */
function makeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-parallel-'));
  const sources = ['fixtures/notes', 'fixtures/cli', 'fixtures/parse'].flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((n) => n.endsWith('.yaml'))
      .map((n) => ({ name: n, text: readFileSync(join(ROOT, d, n), 'utf8') })),
  );
  const padding = `# ${'padding '.repeat(120)}\n`.repeat(20);
  // A CRD in the first copy validates custom resources in every copy, whichever thread lints them.
  writeFileSync(join(dir, 'crd.yaml'), widgetCrd());
  for (let copy = 0; copy < 60; copy++) {
    const sub = join(dir, `copy-${copy}`);
    mkdirSync(sub);
    for (const s of sources) writeFileSync(join(sub, s.name), padding + s.text);
    writeFileSync(join(sub, 'widget.yaml'), `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w${copy}\nspec:\n  size: ${copy % 2 === 0 ? 3 : '"big"'}\n`);
  }
  return dir;
}

describe('parallel linting', () => {
  const dir = makeCorpus();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same bytes with one worker and with several', () => {
    const one = runCli(['--format', 'json', '--jobs', '1', dir]);
    const two = runCli(['--format', 'json', '--jobs', '2', dir]);
    const three = runCli(['--format', 'json', '--jobs', '3', dir]);
    expect(one.code).toBe(1);
    const parsed = JSON.parse(one.stdout) as { summary: { files: number; resources: number } };
    expect(parsed.summary.files).toBeGreaterThan(600);
    // Half the Widgets have a string size: the CRD reached every thread.
    expect(one.stdout.match(/widget\.yaml/g)?.length).toBe(30);
    expect(two.stdout).toBe(one.stdout);
    expect(three.stdout).toBe(one.stdout);
    expect(two.code).toBe(one.code);
  });

  it('rejects a --jobs value that is not a positive whole number', () => {
    const r = runCli(['--jobs', '0', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^k8s-lint: --jobs takes a whole number/);
  });
});

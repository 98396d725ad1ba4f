import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { fixPaths } from '../src/fix/index.js';
import { ROOT, runCli } from './helpers/cli.js';

const NOTES = join(ROOT, 'fixtures/notes');
const CORPUS = new URL('../../shared/corpus/', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function snapshot(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(f, 'utf8')]));
}

/** The comments of a text, as written after their `#`. */
function comments(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const at = line.search(/(^|\s)#/);
    return at < 0 ? [] : [line.slice(line.indexOf('#', at)).trim()];
  });
}

describe('k8s-lint --fix-dry-run', () => {
  it('prints the fixes of the notes as a unified diff and changes nothing', () => {
    const before = snapshot(NOTES);
    const r = runCli(['--fix-dry-run', 'fixtures/notes/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--- a/fixtures/notes/10-deployment-tabs.yaml\n+++ b/fixtures/notes/10-deployment-tabs.yaml\n@@ -1,21 +1,21 @@\n');
    expect(r.stdout).toContain('-\tapiVersion:apps/v1 # es dependiente');
    expect(r.stdout).toContain('+apiVersion: apps/v1 # es dependiente');
    expect(r.stdout).toContain('-      \ttargetPort: 9090\n+        targetPort: 9090\n');
    expect(r.stdout).toMatch(/^10 files, 11 resources: 2 errors, \d+ warnings, \d+ infos \(8 fixes applied\)$/m);
    expect(r.stdout).not.toContain('[yaml-syntax]');
    expect(snapshot(NOTES)).toEqual(before);
  });

  it('keeps a JSON report apart from the diffs, with the number of fixes applied', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-fix-json-'));
    const r = runCli(['--fix-dry-run', '--format', `json=${join(dir, 'report.json')}`, 'fixtures/fix/enum-case.yaml']);
    expect(r.stdout).toMatch(/^--- a\/fixtures\/fix\/enum-case.yaml\n/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ errors: 0, fixed: 4 });
    expect(report.findings).toEqual([]);
  });

  it('only runs the fixes asked for with --fix-rule or --fix-type', () => {
    const byRule = runCli(['--fix-dry-run', '--fix-rule', 'kubectl-dry-run-value', 'fixtures/fix/commands.sh']);
    expect(byRule.stdout.match(/^\+kubectl/gm)).toEqual(['+kubectl', '+kubectl', '+kubectl']);
    expect(byRule.stdout).toContain('+kubectl apply -f web.yaml --dry-run=server\n');
    const byType = runCli(['--fix-dry-run', '--fix-type', 'deprecation', 'fixtures/fix/enum-case.yaml', 'fixtures/fix/deprecated-crlf.yaml']);
    expect(byType.stdout).toContain('+++ b/fixtures/fix/deprecated-crlf.yaml');
    expect(byType.stdout).not.toContain('enum-case.yaml\n');
  });

  it('refuses flags that make no sense, with one sentence and exit code 2', () => {
    expect(runCli(['--fix', '--fix-dry-run', 'fixtures/notes/']).code).toBe(2);
    const type = runCli(['--fix-dry-run', '--fix-type', 'layout', 'fixtures/notes/']);
    expect(type.code).toBe(2);
    expect(type.stderr).toBe('k8s-lint: --fix-type takes syntax, schema, correctness, deprecation, best-practice, commands, not "layout"\n');
    expect(runCli(['--fix-rule', 'yaml-syntax', 'fixtures/notes/']).stderr).toBe('k8s-lint: --fix-rule only applies with --fix or --fix-dry-run\n');
    expect(runCli(['--fix', '--fix-rule', 'yaml-sintax', 'fixtures/notes/']).code).toBe(2);
  });
});

describe('k8s-lint --fix', () => {
  it('makes a copy of the notes lint clean of what it fixes, comments kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-fix-notes-'));
    cpSync(NOTES, dir, { recursive: true });
    const before = snapshot(dir);
    const r = runCli(['--fix', '--format', 'compact', dir]);
    expect(r.code).toBe(1); // 08-manifest-parts.yaml has empty apiVersion and kind: nothing to fix there
    const after = snapshot(dir);
    const changed = [...after].filter(([f, text]) => before.get(f) !== text).map(([f]) => relative(dir, f));
    expect(changed.sort()).toEqual(['02-pod-my-nginx.yaml', '04-service-nodeport-tab.yaml', '05-static-pod.yaml', '06-init-demo-pod.yaml', '08-manifest-parts.yaml', '09-pod-tabs.yaml', '10-deployment-tabs.yaml']);
    for (const [f, text] of after) expect(comments(text)).toEqual(comments(before.get(f)!));
    const again = await lint([dir]);
    expect(again.findings.filter((f) => f.ruleId === 'yaml-syntax')).toEqual([]);
    expect(again.findings.filter((f) => f.fix)).toEqual([]);
    expect(again.summary.resources).toBe(11);
  });

  it('prints a fixed standard input to standard output and the report to standard error', () => {
    const r = runCli(['--fix', '-'], { input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: settings # kept\n' });
    expect(r.stdout).toBe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings # kept\n');
    expect(r.stderr).toBe('1 file, 1 resource: 0 errors, 0 warnings (1 fix applied)\n');
    expect(r.code).toBe(0);
  });

  it('writes files in place, keeps a UTF-8 byte order mark, and exits on what is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-fix-'));
    const file = join(dir, 'svc.yaml');
    writeFileSync(file, '\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  selector: {app: dns}\n  ports:\n    - port: 53\n      protocol: udp\n');
    const r = runCli(['--fix', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(1 fix applied)');
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFapiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  selector: {app: dns}\n  ports:\n    - port: 53\n      protocol: UDP\n');
  });
});

describe.skipIf(!existsSync(CORPUS))('--fix on the development corpus', () => {
  it('changes no file without a finding, and leaves the changed ones with fewer errors and no syntax error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-fix-corpus-'));
    cpSync(CORPUS, dir, { recursive: true });
    const before = await lint([dir]);
    const withFindings = new Set(before.findings.map((f) => f.file));
    const run = await fixPaths([dir]);
    const changed = run.files.filter((f) => f.after !== f.before);
    for (const f of changed) expect(withFindings.has(f.path)).toBe(true);
    expect(changed.length).toBeGreaterThanOrEqual(5);
    // A fixed field name may show what is wrong inside it (an image without a tag): errors go down, not every finding.
    const count = (findings: readonly { file: string; severity: string }[], file: string) => findings.filter((f) => f.file === file && f.severity === 'error').length;
    for (const f of changed) {
      expect(count(run.result.findings, f.path)).toBeLessThan(count(before.findings, f.path));
      expect(run.result.findings.filter((g) => g.file === f.path && g.ruleId === 'yaml-syntax')).toEqual([]);
    }
    expect(run.result.findings.filter((f) => f.fix)).toEqual([]);
  }, 120_000);
});

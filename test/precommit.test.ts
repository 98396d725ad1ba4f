import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { ensureDebianTool } from './helpers/debian-tool.js';

/**
 * Runs the real pre-commit against this checkout's .pre-commit-hooks.yaml: pre-commit installs the
 * hook the way users get it (`language: node`: npm install, npm pack, npm install -g), then a commit
 * of a bad manifest is refused with our output and a fixed one goes through. Skips cleanly when
 * pre-commit cannot be had or the npm registry cannot be reached.
 */
const work = mkdtempSync(join(tmpdir(), 'k8s-lint-precommit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'k8s-lint test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'k8s-lint test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

function run(cmd: string, args: string[], cwd: string, options: SpawnSyncOptions = {}) {
  const env = { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: join(work, 'cache'), PRE_COMMIT_COLOR: 'never', NO_COLOR: '1' };
  delete (env as Record<string, string | undefined>).GITHUB_ACTIONS;
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 150_000, ...options });
  return { code: r.status, out: `${String(r.stdout ?? '')}${String(r.stderr ?? '')}` };
}

/** This checkout as a hook repository: every file git would keep (committed or not), one commit. */
function hookRepo(): { path: string; rev: string } {
  const path = join(work, 'hook-repo');
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT).out.split('\0').filter(Boolean);
  for (const file of files) {
    const target = join(path, file);
    mkdirSync(dirname(target), { recursive: true });
    try {
      copyFileSync(join(ROOT, file), target);
    } catch {
      // Deleted in the working tree but still in the index.
    }
  }
  for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-q', '-m', 'hook repo']]) {
    const r = run('git', args, path);
    if (r.code !== 0) throw new Error(`git ${args.join(' ')}: ${r.out}`);
  }
  return { path, rev: run('git', ['rev-parse', 'HEAD'], path).out.trim() };
}

const BAD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  ports:\n    - port: 80\n\t  targetPort: 8080\n';
const GOOD = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n';

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('refuses a commit of a bad manifest with our output and accepts a good one', (ctx) => {
    const tool = ensureDebianTool('pre-commit', 'pre-commit');
    if (!tool.ok) ctx.skip(`pre-commit test skipped: ${tool.reason}`);
    if (run('npm', ['ping'], ROOT, { timeout: 30_000 }).code !== 0) ctx.skip('pre-commit test skipped: the npm registry cannot be reached (the node hook installs from it)');

    const hooks = hookRepo();
    const project = join(work, 'project');
    mkdirSync(join(project, 'k8s'), { recursive: true });
    expect(run('git', ['init', '-q', '-b', 'main'], project).code).toBe(0);
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hooks.path}\n    rev: ${hooks.rev}\n    hooks:\n      - id: k8s-lint\n      - id: k8s-lint-commands\n`,
    );
    // A YAML file that is no manifest: the hook's default exclude keeps it out.
    writeFileSync(join(project, 'package.json'), '{ "name": "x" }\n');
    const install = run('pre-commit', ['install', '--install-hooks'], project);
    expect(install.out).toContain("pre-commit installed");
    if (install.code !== 0) console.log(install.out);
    expect(install.code).toBe(0);

    writeFileSync(join(project, 'k8s/service.yaml'), BAD);
    writeFileSync(join(project, 'NOTES.md'), '# Notes\n\n```sh\nkubectl get pods --bogus-flag\n```\n');
    run('git', ['add', '-A'], project);
    const refused = run('git', ['commit', '-m', 'bad manifest'], project);
    expect(refused.out).toContain('k8s-lint');
    expect(refused.out).toContain('k8s/service.yaml:8:1: error tab character used for indentation');
    expect(refused.out).toContain('NOTES.md:4:18: error unknown flag: --bogus-flag [kubectl-unknown-flag]');
    expect(refused.code).not.toBe(0);

    writeFileSync(join(project, 'k8s/service.yaml'), GOOD);
    writeFileSync(join(project, 'NOTES.md'), '# Notes\n\n```sh\nkubectl get pods --watch\n```\n');
    run('git', ['add', '-A'], project);
    const accepted = run('git', ['commit', '-m', 'good manifest'], project);
    expect(accepted.out).toMatch(/^k8s-lint\.+Passed$/m);
    expect(accepted.out).toMatch(/^k8s-lint \(kubectl commands\)\.+Passed$/m);
    expect(accepted.code).toBe(0);
  }, 240_000);
});

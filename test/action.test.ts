import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/parse/parse-yaml.js';
import { ROOT } from './helpers/cli.js';

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parseYaml('action.yml', readFileSync(join(ROOT, 'action.yml'), 'utf8')).documents[0]!.value as unknown as Action;
const lintStep = action.runs.steps.find((s) => s.id === 'lint')!;

/** Runs the action's lint step with a stand-in `npx` that records its arguments and exits with `code`. */
function runStep(inputs: Record<string, string>, code = 0): { args: string[]; output: string; status: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-action-'));
  const record = join(dir, 'args');
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${record}"\nexit ${code}\n`);
  chmodSync(join(dir, 'npx'), 0o755);
  const output = join(dir, 'output');
  writeFileSync(output, '');
  const env: Record<string, string> = {
    PATH: `${dir}:${process.env.PATH ?? ''}`,
    GITHUB_OUTPUT: output,
    K8S_LINT_ACTION_PATH: ROOT,
    K8S_LINT_PATHS: action.inputs.paths!.default ?? '',
    K8S_LINT_FORMAT: '',
    K8S_LINT_KUBERNETES_VERSION: '',
    K8S_LINT_CONFIG: '',
    K8S_LINT_SARIF_FILE: '',
    K8S_LINT_VERSION: '',
    ...inputs,
  };
  const r = spawnSync('bash', ['-e', '-c', lintStep.run!], { env, encoding: 'utf8' });
  return { args: readFileSync(record, 'utf8').trimEnd().split('\n'), output: readFileSync(output, 'utf8'), status: r.status };
}

describe('action.yml', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('is a composite action that sets up Node and uploads SARIF only when asked', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]!.uses).toMatch(/^actions\/setup-node@/);
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    expect(upload.if).toContain("inputs.sarif-file != ''");
    expect(upload.with!.sarif_file).toBe('${{ inputs.sarif-file }}');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'kubernetes-version', 'sarif-file']));
  });

  it('runs the version of the action with the default output (stylish and annotations)', () => {
    const r = runStep({});
    expect(r.args).toEqual(['--yes', `k8s-lint@${version}`, '.']);
    expect(r.output).toBe('exit-code=0\n');
  });

  it('passes formats, version, config and SARIF file, and keeps the log output next to SARIF', () => {
    const r = runStep({ K8S_LINT_PATHS: 'k8s charts/out', K8S_LINT_KUBERNETES_VERSION: '1.33', K8S_LINT_SARIF_FILE: 'k8s-lint.sarif', K8S_LINT_CONFIG: 'ci/.k8s-lint.yaml', K8S_LINT_VERSION: '1.2.3' }, 1);
    expect(r.args).toEqual(['--yes', 'k8s-lint@1.2.3', '--format', 'stylish', '--format', 'github', '--format', 'sarif=k8s-lint.sarif', '--kubernetes-version', '1.33', '--config', 'ci/.k8s-lint.yaml', 'k8s', 'charts/out']);
    // The step itself succeeds so that SARIF is uploaded; the last step exits with this code.
    expect(r.status).toBe(0);
    expect(r.output).toBe('exit-code=1\n');
    expect(runStep({ K8S_LINT_FORMAT: 'compact junit=report.xml' }).args).toEqual(['--yes', `k8s-lint@${version}`, '--format', 'compact', '--format', 'junit=report.xml', '.']);
  });
});

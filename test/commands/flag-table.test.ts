import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandSpec } from '../../src/commands/flag-table.js';

const root = new URL('../../', import.meta.url).pathname;
const reference = new URL('../../../shared/kubectl-reference/', import.meta.url).pathname;

describe('kubectl flag table', () => {
  it.each([
    'run', 'create', 'create deployment', 'create job', 'create cronjob', 'create service clusterip', 'create service nodeport',
    'create configmap', 'create secret generic', 'create namespace', 'create serviceaccount', 'create role', 'create rolebinding',
    'create ingress', 'expose', 'apply', 'get', 'describe', 'delete', 'logs', 'scale', 'exec', 'explain', 'diff', 'drain',
  ])('covers kubectl %s', (path) => {
    const spec = commandSpec(path);
    expect(spec, path).toBeDefined();
    // Global options are merged into every command.
    expect(spec!.flags.get('namespace')?.short).toBe('n');
    expect(spec!.flags.get('kubeconfig')?.kind).toBe('value');
  });

  it('records how each flag takes its value', () => {
    const run = commandSpec('run')!;
    expect(run.flags.get('restart')?.kind).toBe('value');
    expect(run.flags.get('env')?.kind).toBe('list');
    expect(run.flags.get('stdin')).toMatchObject({ kind: 'bool', short: 'i' });
    expect(run.flags.get('dry-run')?.kind).toBe('optional');
    expect(run.flags.has('generator')).toBe(false);
    expect(commandSpec('drain')!.flags.has('delete-emptydir-data')).toBe(true);
    expect(commandSpec('drain')!.flags.has('delete-local-data')).toBe(false);
  });

  it.skipIf(!existsSync(reference))('is up to date with the help texts', () => {
    const output = execFileSync('node', ['scripts/build-kubectl-flags.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(output).toContain('up to date');
  });
});

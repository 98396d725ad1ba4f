import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { checksFor } from '../src/k8s/pod-security/evaluate.js';
import { effectiveMinor, namespacePolicyOf, parsePolicySpec, policyLabel } from '../src/k8s/pod-security/policy.js';
import { runCli } from './helpers/cli.js';

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
    - name: api
      image: nginx:1.27
      securityContext:
        privileged: true
`;

const at = (f: { line: number; column: number; severity: string; message: string }) => `${f.line}:${f.column} ${f.severity} ${f.message}`;

async function podSecurityFindings(text: string, options: Parameters<typeof lintText>[1] = {}) {
  const result = await lintText(text, { schema: false, ...options });
  return result.findings.filter((f) => f.ruleId === 'pod-security').map(at);
}

describe('pod-security levels and versions', () => {
  it('reads levels and policy versions as the admission controller does', () => {
    expect(parsePolicySpec('restricted')).toEqual({ level: 'restricted' });
    expect(parsePolicySpec('baseline:v1.30')).toEqual({ level: 'baseline', minor: 30 });
    expect(parsePolicySpec('baseline:1.30')).toEqual({ level: 'baseline', minor: 30 });
    expect(parsePolicySpec('restricted:latest')).toEqual({ level: 'restricted' });
    for (const bad of ['strict', 'restricted:v2.1', 'restricted:v1.x', 'baseline:', 'baseline:v1.30:x']) expect(parsePolicySpec(bad), bad).toBeUndefined();
    expect(policyLabel({ level: 'restricted' })).toBe('restricted:latest');
    // latest is the API server's own version, and a newer policy is evaluated as the server's.
    expect(effectiveMinor({ level: 'baseline' }, '1.33')).toBe(33);
    expect(effectiveMinor({ level: 'baseline', minor: 40 }, '1.33')).toBe(33);
    expect(effectiveMinor({ level: 'baseline', minor: 20 }, '1.33')).toBe(20);
  });

  it('runs the checks each version had, with restricted replacing the baseline checks it overrides', () => {
    const ids = (level: 'privileged' | 'baseline' | 'restricted', minor: number) => checksFor(level, minor).map((c) => c.id);
    expect(ids('baseline', 36)).toEqual(['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess']);
    expect(ids('baseline', 33)).not.toContain('hostProbesAndHostLifecycle');
    expect(ids('restricted', 36)).toEqual([
      'appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess',
      'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted',
    ]);
    // Before 1.22 restricted had no capabilities check of its own, before 1.19 no seccomp one, before 1.8 no privilege escalation one.
    expect(ids('restricted', 21)).toContain('capabilities_baseline');
    expect(ids('restricted', 18)).toContain('seccompProfile_baseline');
    expect(ids('restricted', 7)).not.toContain('allowPrivilegeEscalation');
    expect(ids('privileged', 36)).toEqual([]);
  });

  it('ignores Namespace labels the API server would refuse', () => {
    expect(namespacePolicyOf({ 'pod-security.kubernetes.io/enforce': 'strict', 'pod-security.kubernetes.io/warn': 'baseline', 'pod-security.kubernetes.io/warn-version': 'v1.30' })).toEqual({ warn: { level: 'baseline', minor: 30 } });
    expect(namespacePolicyOf({ 'pod-security.kubernetes.io/audit': 'restricted', 'pod-security.kubernetes.io/audit-version': 'v2' })).toEqual({});
  });
});

describe('pod-security findings', () => {
  it('says nothing unless a level applies', async () => {
    expect(await podSecurityFindings(PRIVILEGED_POD)).toEqual([]);
  });

  it('--pod-security checks every pod at the level, as errors, at the offending field', async () => {
    expect(await podSecurityFindings(PRIVILEGED_POD, { podSecurity: 'baseline' })).toEqual(['10:21 error violates PodSecurity "baseline:v1.36": privileged (container "api" must not set securityContext.privileged=true)']);
    expect(await podSecurityFindings(PRIVILEGED_POD, { podSecurity: 'baseline', kubernetesVersion: '1.30' })).toEqual(['10:21 error violates PodSecurity "baseline:v1.30": privileged (container "api" must not set securityContext.privileged=true)']);
    expect(await podSecurityFindings(PRIVILEGED_POD, { podSecurity: 'privileged' })).toEqual([]);
  });

  it('enforce labels give errors, warn and audit warnings, in the namespace --namespace names for objects without one', async () => {
    const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n${labels}---\n`;
    const enforce = ns('    pod-security.kubernetes.io/enforce: baseline\n');
    expect(await podSecurityFindings(enforce + PRIVILEGED_POD)).toEqual([]);
    expect(await podSecurityFindings(enforce + PRIVILEGED_POD, { namespace: 'shop' })).toEqual(['17:21 error violates PodSecurity "baseline:latest": privileged (container "api" must not set securityContext.privileged=true)']);
    const warn = ns('    pod-security.kubernetes.io/warn: baseline\n    pod-security.kubernetes.io/warn-version: v1.25\n');
    expect(await podSecurityFindings(warn + PRIVILEGED_POD, { namespace: 'shop' })).toEqual(['18:21 warning violates PodSecurity "baseline:v1.25": privileged (container "api" must not set securityContext.privileged=true)']);
    const both = ns('    pod-security.kubernetes.io/audit: baseline\n    pod-security.kubernetes.io/enforce: baseline\n');
    expect(await podSecurityFindings(both + PRIVILEGED_POD, { namespace: 'shop' })).toEqual(['18:21 error violates PodSecurity "baseline:latest": privileged (container "api" must not set securityContext.privileged=true)']);
  });

  it('finds the Namespace in another file, whatever the number of jobs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-pss-'));
    writeFileSync(join(dir, 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n');
    writeFileSync(join(dir, 'pod.yaml'), PRIVILEGED_POD.replace('  name: api\n', '  name: api\n  namespace: shop\n'));
    for (const jobs of ['1', '2']) {
      const r = runCli(['--format', 'compact', '--jobs', jobs, dir]);
      expect(r.stdout).toContain('pod.yaml:11:21: error: violates PodSecurity "restricted:latest": privileged (container "api" must not set securityContext.privileged=true) [pod-security]');
      expect(r.code).toBe(1);
    }
  });

  it('the configuration sets levels by path glob, the last matching one winning; the flag wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-pss-config-'));
    mkdirSync(join(dir, 'prod'));
    mkdirSync(join(dir, 'dev'));
    writeFileSync(join(dir, '.k8s-lint.yaml'), 'podSecurity:\n  "**": privileged\n  "prod/**": baseline\n');
    writeFileSync(join(dir, 'prod', 'pod.yaml'), PRIVILEGED_POD);
    writeFileSync(join(dir, 'dev', 'pod.yaml'), PRIVILEGED_POD);
    const r = runCli(['--format', 'compact', '.'], { cwd: dir });
    expect(r.stdout).toContain('prod/pod.yaml:10:21: error: violates PodSecurity "baseline:v1.36": privileged');
    expect(r.stdout).not.toContain('dev/pod.yaml');
    const flag = runCli(['--format', 'compact', '--pod-security', 'baseline:v1.20', '.'], { cwd: dir });
    expect(flag.stdout).toContain('dev/pod.yaml:10:21: error: violates PodSecurity "baseline:v1.20": privileged');
    const printed = runCli(['--print-config', 'prod/pod.yaml'], { cwd: dir });
    expect(JSON.parse(printed.stdout).podSecurity).toBe('baseline');
  });

  it('a malformed --pod-security is exit 2 with one sentence', () => {
    const r = runCli(['--pod-security', 'strict', 'fixtures/cli/clean.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('k8s-lint: --pod-security takes privileged, baseline or restricted, with an optional policy version (restricted:v1.30), not "strict"\n');
  });
});

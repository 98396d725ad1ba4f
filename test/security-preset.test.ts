import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/engine/lint.js';
import { resolveRuleSettings } from '../src/engine/settings.js';
import { allRuleMetas } from '../src/rules/index.js';
import { runCli } from './helpers/cli.js';

const SECURITY = ['container-resources', 'env-secret-literal', 'host-network-ports', 'image-registry', 'net-raw-capability', 'rbac-cluster-admin', 'rbac-sensitive-access', 'rbac-wildcard', 'sensitive-host-mount', 'service-account-token', 'writable-root-filesystem'];

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

describe('the security preset', () => {
  it('holds the advisory security rules, all warnings and off by default', () => {
    const inPreset = allRuleMetas().filter((m) => m.presets?.includes('security'));
    expect(inPreset.map((m) => m.id)).toEqual(SECURITY);
    for (const m of inPreset) {
      expect(m.recommended, m.id).toBe(false);
      expect(m.severity, m.id).toBe('warning');
    }
    const byDefault = resolveRuleSettings({});
    for (const id of SECURITY) expect(byDefault.has(id), id).toBe(false);
    const security = resolveRuleSettings({ preset: 'security' });
    for (const id of SECURITY) expect(security.has(id), id).toBe(true);
    // security adds to recommended: the recommended rules stay on.
    expect(security.has('pod-security')).toBe(true);
    expect(resolveRuleSettings({ preset: ['recommended', 'security'] }).size).toBe(security.size);
  });

  it('changes nothing unless asked for', async () => {
    const plain = await lintText(POD, { schema: false });
    expect(plain.findings).toEqual([]);
    const withPreset = await lintText(POD, { schema: false, preset: 'security' });
    expect(withPreset.findings.map((f) => `${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      '5:1 service-account-token',
      '7:13 container-resources',
      '7:13 container-resources',
      '7:13 container-resources',
      '7:13 net-raw-capability',
      '7:13 writable-root-filesystem',
      '8:14 image-registry',
    ]);
  });

  it('is turned on by --preset security and by extends: [recommended, security]', () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-preset-'));
    writeFileSync(join(dir, 'pod.yaml'), POD);
    expect(runCli(['--format', 'compact', 'pod.yaml'], { cwd: dir }).stdout).not.toContain('image-registry');
    expect(runCli(['--format', 'compact', '--preset', 'security', 'pod.yaml'], { cwd: dir }).stdout).toContain('pod.yaml:8:14: warning: image "nginx:1.27" names no registry');
    writeFileSync(join(dir, '.k8s-lint.yaml'), 'extends: [recommended, security]\n');
    expect(runCli(['--format', 'compact', 'pod.yaml'], { cwd: dir }).stdout).toContain('[image-registry]');
    const bad = runCli(['--preset', 'secure', 'pod.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('k8s-lint: --preset takes recommended, all, security, not "secure"\n');
  });
});

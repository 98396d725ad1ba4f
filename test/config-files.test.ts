import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSources, lintText } from '../src/engine/lint.js';
import { defaultLintOptions } from '../src/engine/setup.js';
import { configFileOf } from '../src/parse/config-files.js';

describe('configuration files of Kubernetes tools', () => {
  it('recognises them by group, kubeconfig and Skaffold, and nothing else', () => {
    expect(configFileOf({ apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster' })).toBe('kind Cluster');
    expect(configFileOf({ apiVersion: 'kubeadm.k8s.io/v1beta4', kind: 'JoinConfiguration' })).toBe('kubeadm JoinConfiguration');
    expect(configFileOf({ apiVersion: 'v1', kind: 'Config' })).toBe('kubeconfig');
    expect(configFileOf({ apiVersion: 'skaffold/v4beta11', kind: 'Config' })).toBe('Skaffold Config');
    expect(configFileOf({ apiVersion: 'v1', kind: 'Policy' })).toBe('kube-scheduler Policy');
    expect(configFileOf({ apiVersion: 'v1', kind: 'ConfigMap' })).toBeUndefined();
    expect(configFileOf({ apiVersion: 'cluster.x-k8s.io/v1beta1', kind: 'Cluster' })).toBeUndefined();
    expect(configFileOf({ apiVersion: 'kubeadm.k8s.io/v1beta4' })).toBeUndefined();
    expect(configFileOf(['kind.x-k8s.io/v1alpha4'])).toBeUndefined();
  });

  it('skips them with one notice that names each file and what it is', async () => {
    const path = 'fixtures/parse/config-files.yaml';
    const text = readFileSync(path, 'utf8');
    const kind = 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n';
    const result = lintSources(
      [
        { path, text, language: 'yaml' },
        { path: 'kind.yaml', text: kind, language: 'yaml' },
      ],
      await defaultLintOptions({}),
    );
    expect(result.findings.map((f) => `${f.file}:${f.line} ${f.ruleId}`)).toEqual([`${path}:73 required-fields`]);
    expect(result.summary.notices).toContain(
      `2 configuration files, not API objects, were not linted (read by their tools, never sent to the API server): ${path} ` +
        '(kind Cluster, kubeadm ClusterConfiguration, kubeadm InitConfiguration, kubelet KubeletConfiguration, kube-proxy KubeProxyConfiguration, ' +
        'kube-apiserver EncryptionConfiguration, kube-apiserver AdmissionConfiguration, kube-apiserver audit Policy, Kustomize Component, kubeconfig), ' +
        'kind.yaml (kind Cluster)',
    );
  });

  it('says so in the singular for one file, and counts files past the fifth', async () => {
    const one = await lintText('apiVersion: v1\nkind: Config\nclusters: []\n', { file: 'kubeconfig' });
    expect(one.findings).toEqual([]);
    expect(one.summary.notices).toEqual([
      '1 configuration file, not an API object, was not linted (read by its tool, never sent to the API server): kubeconfig (kubeconfig)',
    ]);
    const files = Array.from({ length: 7 }, (_, i) => ({ path: `audit-${i}.yaml`, text: 'apiVersion: audit.k8s.io/v1\nkind: Policy\n', language: 'yaml' as const }));
    const many = lintSources(files, await defaultLintOptions({}));
    expect(many.summary.notices.at(-1)).toMatch(/^7 configuration files, .*: audit-0\.yaml \(kube-apiserver audit Policy\), .* audit-4\.yaml \(kube-apiserver audit Policy\) and 2 more$/);
  });

  it('asks an unknown kind only for apiVersion and kind, and a known one for a name too', async () => {
    const unknown = await lintText('apiVersion: tools.example.com/v1\nkind: Settings\n');
    expect(unknown.findings).toEqual([]);
    const known = await lintText('apiVersion: v1\nkind: Secret\n');
    expect(known.findings.map((f) => f.message)).toEqual(['missing metadata with a name']);
    const noSchemaStage = await lintText('apiVersion: tools.example.com/v1\nkind: Settings\n', { schema: false });
    expect(noSchemaStage.findings.map((f) => f.ruleId)).toEqual(['required-fields']);
  });
});

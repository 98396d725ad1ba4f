import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runApiResources, runExplain } from '../src/explain/index.js';
import { lintText } from '../src/index.js';

/** One explain case per ecosystem of the bundled CRD catalog: the kind resolves and the field is described. */
const EXPLAIN: [string, string, string][] = [
  ['argo-cd', 'app.spec.destination', 'FIELD: destination <Object>'],
  ['argo-rollouts', 'rollout.spec.strategy', 'FIELD: strategy <Object>'],
  ['argo-workflows', 'workflowtemplate.spec.entrypoint', 'FIELD: entrypoint <string>'],
  ['cert-manager', 'certificate.spec.dnsNames', 'FIELD: dnsNames <[]string>'],
  ['external-secrets', 'externalsecrets.spec.refreshInterval', 'FIELD: refreshInterval <string>'],
  ['flux-cd', 'kustomization.spec.prune', 'FIELD: prune <boolean>'],
  ['gateway-api', 'httproute.spec.rules.backendRefs', 'FIELD: backendRefs <[]Object>'],
  ['istio', 'vs.spec.hosts', 'FIELD: hosts <[]string>'],
  ['karpenter', 'nodepool.spec.template', 'FIELD: template <Object>'],
  ['keda', 'so.spec.triggers', 'FIELD: triggers <[]Object>'],
  ['knative', 'ksvc.spec.traffic', 'FIELD: traffic <[]Object>'],
  ['prometheus-operator', 'smon.spec.endpoints', 'FIELD: endpoints <[]Object>'],
  ['sealed-secrets', 'sealedsecret.spec.encryptedData', 'FIELD: encryptedData <map[string]string>'],
];

describe('CRD catalog', () => {
  for (const [ecosystem, target, line] of EXPLAIN) {
    it(`explains ${target} (${ecosystem})`, () => {
      const r = runExplain({ target, kubernetesVersion: '1.36' });
      expect(r.exitCode).toBe(0);
      expect(r.stdout.split('\n')).toContain(line);
    });
  }

  it('is not consulted by explain with crdCatalog false', () => {
    expect(runExplain({ target: 'httproute', kubernetesVersion: '1.36', crdCatalog: false }).exitCode).toBe(1);
  });

  it('lists its kinds in api-resources only when asked', () => {
    expect(runApiResources({ kubernetesVersion: '1.36', crdCatalog: true }).stdout).toMatch(/^certificates +cert,certs +cert-manager\.io\/v1 +true +Certificate$/m);
    expect(runApiResources({ kubernetesVersion: '1.36' }).stdout).not.toContain('cert-manager.io');
  });

  const route = 'apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec:\n  rules:\n    - backendRef: []\n';

  it('checks a custom resource with no CRD and counts it in the summary', async () => {
    const result = await lintText(route, { file: 'route.yaml' });
    expect(result.findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual(['7:7 unknown field "spec.rules[0].backendRef"']);
    expect(result.summary.crdCatalog).toBe(1);
  });

  it('is turned off by crdCatalog false', async () => {
    const result = await lintText(route, { file: 'route.yaml', crdCatalog: false });
    expect(result.findings).toEqual([]);
    expect(result.summary.unchecked).toBe(1);
  });

  it('gives way to a CRD among the inputs', async () => {
    const crd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: httproutes.gateway.networking.k8s.io}',
      'spec:',
      '  group: gateway.networking.k8s.io',
      '  names: {kind: HTTPRoute, plural: httproutes}',
      '  scope: Namespaced',
      '  versions:',
      '    - name: v1',
      '      served: true',
      '      storage: true',
      '      schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}',
      '---',
    ].join('\n');
    const result = await lintText(`${crd}\n${route}`, { file: 'both.yaml' });
    expect(result.findings.filter((f) => f.ruleId === 'schema')).toEqual([]);
    expect(result.summary.crdCatalog).toBeUndefined();
  });
});

describe('CRD catalog loading', () => {
  const BIN = fileURLToPath(new URL('../bin/k8s-lint.js', import.meta.url));
  const TRACE = fileURLToPath(new URL('./helpers/trace-catalog-reads.mjs', import.meta.url));
  const reads = (text: string): string => {
    const r = spawnSync(process.execPath, ['--import', TRACE, BIN, '--no-config', '-f', 'compact', '-'], { input: text, encoding: 'utf8' });
    return /catalog-reads: (.*)/.exec(r.stderr)?.[1] ?? 'no trace';
  };

  it('reads nothing of it for built-in kinds, and only the one project file a custom resource needs', () => {
    expect(reads('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n')).toBe('');
    expect(reads('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n')).toBe('index.json');
    expect(reads('apiVersion: cert-manager.io/v1\nkind: Issuer\nmetadata:\n  name: i\nspec:\n  selfSigned: {}\n')).toBe('cert-manager.json.gz,index.json');
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runApiResources, runExplain } from '../src/explain/index.js';
import { lintText } from '../src/index.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/crd-catalog/', import.meta.url));

/** Every project of the catalog has fixtures: a clean manifest, one with findings, an explain case. */
const ECOSYSTEMS = [...new Set((JSON.parse(readFileSync(new URL('../schemas/crd-catalog/index.json', import.meta.url), 'utf8')) as { resources: { ecosystem: string }[] }).resources.map((r) => r.ecosystem))].sort();

describe('CRD catalog', () => {
  it('has fixtures for every project', () => {
    expect(ECOSYSTEMS.length).toBe(13);
    for (const ecosystem of ECOSYSTEMS) expect(readdirSync(join(FIXTURES, ecosystem)).sort(), ecosystem).toEqual(['explain.json', 'invalid.yaml', 'valid.yaml']);
  });

  for (const ecosystem of ECOSYSTEMS) {
    it(`explains a field of ${ecosystem}`, () => {
      const c = JSON.parse(readFileSync(join(FIXTURES, ecosystem, 'explain.json'), 'utf8')) as { target: string; apiVersion?: string; lines: string[] };
      const r = runExplain({ target: c.target, kubernetesVersion: '1.36', ...(c.apiVersion ? { apiVersion: c.apiVersion } : {}) });
      expect(r.exitCode).toBe(0);
      for (const line of c.lines) expect(r.stdout.split('\n')).toContain(line);
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

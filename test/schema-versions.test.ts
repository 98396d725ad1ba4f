/**
 * Every bundled Kubernetes minor: a clean manifest lints clean, a broken one does not, explain,
 * api-resources and api-versions answer, and each catalog has the structure of the client package
 * it was built from (kinds, plurals, scopes, definitions, fields and required fields).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/index.js';
import { runApiResources, runApiVersions } from '../src/explain/api-resources.js';
import { runExplain } from '../src/explain/run-explain.js';
import { availableVersions, loadCatalog } from '../src/schema/catalog.js';
import { runCli, ROOT } from './helpers/cli.js';

const MINORS = availableVersions();
const CLEAN = readFileSync(join(ROOT, 'fixtures/cli/clean-every-version.yaml'), 'utf8');
const VERSIONS = JSON.parse(readFileSync(join(ROOT, 'scripts/build-schemas/versions.json'), 'utf8')) as Record<string, { client: string; spec: string }>;

describe('bundled versions', () => {
  it('are the minors of scripts/build-schemas/versions.json, 1.28 to 1.36', () => {
    expect(MINORS).toEqual(Object.keys(VERSIONS).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    expect(MINORS[0]).toBe('1.28');
    expect(MINORS.at(-1)).toBe('1.36');
  });

  it('k8s-lint versions lists them, the newest as default, and names the minors left out', () => {
    const r = runCli(['versions']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${MINORS.slice(0, -1).join('\n')}\n${MINORS.at(-1)}  (default)\n\nnot bundled: 1.31, 1.35 (no package carries their API; see schemas/README.md)\n`);
  });
});

describe.each(MINORS)('Kubernetes %s', (version) => {
  it('lints a clean manifest clean, every object schema-checked', async () => {
    const result = await lintText(CLEAN, { kubernetesVersion: version });
    expect(result.findings).toEqual([]);
    expect(result.summary.resources).toBe(7);
    expect(result.summary.unchecked).toBe(0);
  });

  it('reports a wrong type and an unknown field', async () => {
    const broken = CLEAN.replace('replicas: 2', 'replicas: two').replace('ingressClassName: nginx', 'ingressClass: nginx');
    const messages = (await lintText(broken, { kubernetesVersion: version })).findings.map((f) => `${f.ruleId}: ${f.message}`);
    expect(messages).toContain('schema: spec.replicas: expected integer, got string "two"');
    expect(messages).toContain('schema: unknown field "spec.ingressClass"');
  });

  it('explains deployment.spec.replicas, under 1.xx, 1.xx.y and v1.xx', () => {
    for (const asked of [version, `${version}.4`, `v${version}`]) {
      const r = runExplain({ target: 'deployment.spec.replicas', kubernetesVersion: asked });
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toMatch(/^GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods\. This is a pointer/);
    }
  });

  it('lists its API resources and versions', () => {
    const resources = runApiResources({ kubernetesVersion: version });
    expect(resources.exitCode).toBe(0);
    expect(resources.stdout).toContain('deployments');
    const versions = runApiVersions({ kubernetesVersion: version });
    expect(versions.stdout.split('\n').filter(Boolean)).toEqual([...new Set(loadCatalog(version).resources.map((r) => r.apiVersion))].sort());
  });
});

it('a version that is not bundled exits 2 naming the bundled ones, for lint and explain', () => {
  const lint = runCli(['--kubernetes-version', 'v1.31.2', 'fixtures/cli/clean.yaml']);
  expect(lint.code).toBe(2);
  expect(lint.stderr).toBe('k8s-lint: Kubernetes 1.31.2 has no bundled schemas (bundled: 1.28–1.30, 1.32–1.34, 1.36; k8s-lint versions lists them)\n');
  const explain = runCli(['explain', 'pod', '--kubernetes-version', '1.35']);
  expect(explain.code).toBe(2);
  expect(explain.stderr).toBe('error: no schemas for Kubernetes 1.35; bundled: 1.28–1.30, 1.32–1.34, 1.36 (k8s-lint versions lists them)\n');
});

import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('k8s-lint explain and friends through the CLI', () => {
  it('explains a field path', () => {
    const r = runCli(['explain', 'Service.spec.ports']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('KIND:       Service\nVERSION:    v1\n\nFIELD: ports <[]ServicePort>\n')).toBe(true);
    expect(r.stdout).toContain('  port\t<integer> -required-\n');
  });

  it('explains recursively, by short name and by api version', () => {
    const rec = runCli(['explain', 'svc', '--recursive']);
    expect(rec.code).toBe(0);
    expect(rec.stdout).toMatch(/^\s+targetPort\t<IntOrString>$/m);
    const leaf = runCli(['explain', 'deploy.spec.replicas']);
    expect(leaf.stdout).toContain('FIELD: replicas <integer>');
    const hpa = runCli(['explain', 'hpa.spec', '--api-version', 'autoscaling/v2']);
    expect(hpa.stdout).toContain('VERSION:    v2');
    expect(hpa.stdout).toContain('  metrics\t<[]MetricSpec>');
  });

  it('explains a custom resource from its CRD', () => {
    const r = runCli(['explain', 'crontab.spec', '--crds', 'fixtures/cli/crontab-crd-and-cr.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('KIND:       CronTab');
    expect(r.stdout).toContain('  cronSpec\t<string>');
  });

  it('fails like kubectl on an unknown field, with a hint after its line', () => {
    const r = runCli(['explain', 'Service.spec.prot']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error: field "prot" does not exist');
    expect(r.stderr).toContain('Service.spec.ports');
  });

  it('lists api resources and versions', () => {
    const res = runCli(['api-resources', '--api-group', 'apps']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    const versions = runCli(['api-versions']);
    expect(versions.stdout.split('\n')).toContain('apps/v1');
  });
});

describe('schema checks through the CLI', () => {
  it('reports the four problems of a broken Deployment at their positions', () => {
    const r = runCli(['--format', 'compact', 'fixtures/cli/deployment-four-problems.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'fixtures/cli/deployment-four-problems.yaml:5:1: error: spec.selector: required field is missing [schema]',
      'fixtures/cli/deployment-four-problems.yaml:6:13: error: spec.replicas: expected integer, got string "3" [schema]',
      'fixtures/cli/deployment-four-problems.yaml:13:11: error: spec.template.spec.containers[0].name: required field is missing [schema]',
      'fixtures/cli/deployment-four-problems.yaml:14:11: error: unknown field "spec.template.spec.containers[0].imagePullPolicyy" [schema]',
    ]);
  });

  it('checks a custom resource against a CRD in the same file', () => {
    const r = runCli(['--format', 'compact', 'fixtures/cli/crontab-crd-and-cr.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('crontab-crd-and-cr.yaml:29:13: error: spec.replicas: expected integer, got string "many" [schema]');
  });

  it('says how many custom resources had no schema, without failing', () => {
    const r = runCli(['fixtures/cli/crontab-cr-only.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('note: 1 resource was not schema-checked (no schema for stable.example.com/v1 CronTab)');
    const strict = runCli(['--require-schemas', 'fixtures/cli/crontab-cr-only.yaml']);
    expect(strict.code).toBe(1);
    const withCrd = runCli(['--crds', 'fixtures/cli/crontab-crd-and-cr.yaml', 'fixtures/cli/crontab-cr-only.yaml']);
    expect(withCrd.code).toBe(1);
    expect(withCrd.stdout).toContain('expected integer, got string "many"');
  });

  it('exits 2 for a Kubernetes version with no bundled schemas', () => {
    const r = runCli(['--kubernetes-version', '1.12', 'fixtures/cli/clean.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('k8s-lint: Kubernetes 1.12 has no bundled schemas (bundled: 1.28–1.30, 1.32–1.34, 1.36; k8s-lint versions lists them)\n');
  });
});

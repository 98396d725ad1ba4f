import { describe, expect, it } from 'vitest';
import { catalogDir, loadCatalog } from '../src/schema/catalog.js';
import { precompiledValidators } from '../src/schema/precompiled.js';
import { createSchemaChecker } from '../src/schema/validate.js';
import type { JsonValue, Report } from '../src/types.js';

const checker = createSchemaChecker({ kubernetesVersion: '1.36' });

function check(object: Record<string, unknown>, c = checker) {
  return c.check({ apiVersion: object.apiVersion as string, kind: object.kind as string, object: object as JsonValue });
}

function brief(reports: Report[]) {
  return reports.map((r) => ({ ruleId: r.ruleId, severity: r.severity, path: r.path.join('.'), on: r.on, message: r.message, hint: r.hint }));
}

function deployment(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec };
}

const validDeployment = deployment({
  replicas: 2,
  selector: { matchLabels: { app: 'web' } },
  template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] } },
});

describe('schema checker: built-in kinds', () => {
  it('accepts a valid Deployment', () => {
    expect(check(validDeployment)).toEqual({ reports: [], checked: true });
  });

  it('reports exactly the four problems of the classic broken Deployment, at the right places', () => {
    const result = check(
      deployment({
        replicas: '3',
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx', imagePullPolicyy: 'Always' }] } },
      }),
    );
    expect(result.checked).toBe(true);
    expect(brief(result.reports)).toEqual([
      { ruleId: 'schema', severity: 'error', path: 'spec', on: 'key', message: 'spec.selector: required field is missing', hint: undefined },
      { ruleId: 'schema', severity: 'error', path: 'spec.replicas', on: 'value', message: 'spec.replicas: expected integer, got string "3"', hint: undefined },
      { ruleId: 'schema', severity: 'error', path: 'spec.template.spec.containers.0', on: 'key', message: 'spec.template.spec.containers[0].name: required field is missing', hint: undefined },
      {
        ruleId: 'schema', severity: 'error', path: 'spec.template.spec.containers.0.imagePullPolicyy', on: 'key',
        message: 'unknown field "spec.template.spec.containers[0].imagePullPolicyy"', hint: 'did you mean "imagePullPolicy"?',
      },
    ]);
    expect(result.reports[2]?.path).toEqual(['spec', 'template', 'spec', 'containers', 0]);
  });

  it('suggests the field a transposition away', () => {
    const result = check({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { contianers: [] } });
    const unknown = result.reports.find((r) => r.message.startsWith('unknown field'));
    expect(unknown).toMatchObject({ path: ['spec', 'contianers'], on: 'key', hint: 'did you mean "containers"?' });
  });

  it('makes unknown fields warnings when not strict, and keeps other problems errors', () => {
    const lenient = createSchemaChecker({ kubernetesVersion: '1.36', strict: false });
    const result = check(deployment({ replicas: 'x', selector: {}, template: { spec: { containers: [{ name: 'a', imagePullPolicyy: 'Always' }] } } }), lenient);
    expect(result.reports.map((r) => [r.severity, r.message])).toEqual([
      ['error', 'spec.replicas: expected integer, got string "x"'],
      ['warning', 'unknown field "spec.template.spec.containers[0].imagePullPolicyy"'],
    ]);
  });

  it('accepts integers and strings for int-or-string fields, and nothing else', () => {
    const service = (targetPort: unknown) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort }] } });
    expect(check(service(8080)).reports).toEqual([]);
    expect(check(service('http')).reports).toEqual([]);
    expect(brief(check(service(true)).reports)).toEqual([
      { ruleId: 'schema', severity: 'error', path: 'spec.ports.0.targetPort', on: 'value', message: 'spec.ports[0].targetPort: expected integer or string, got boolean true', hint: undefined },
    ]);
    expect(check(service(1.5)).reports.map((r) => r.message)).toEqual(['spec.ports[0].targetPort: expected integer or string, got number 1.5']);
  });

  it('accepts quantities as numbers or strings in quantity syntax', () => {
    const pod = (limits: Record<string, unknown>) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' },
      spec: { containers: [{ name: 'a', image: 'b', resources: { limits } }] },
    });
    expect(check(pod({ cpu: '500m', memory: '128Mi', 'nvidia.com/gpu': 1, ephemeral: 1.5, other: '1e3' })).reports).toEqual([]);
    expect(check(pod({ memory: '1 GB' })).reports.map((r) => r.message)).toEqual([
      'spec.containers[0].resources.limits.memory: expected a quantity such as 500m, 1.5, 2Gi or 1e3, got string "1 GB"',
    ]);
    expect(check(pod({ cpu: true })).reports.map((r) => r.message)).toEqual(['spec.containers[0].resources.limits.cpu: expected a quantity (string or number), got boolean true']);
  });

  it('checks formats: int32 range, date-time, base64', () => {
    expect(check(deployment({ ...(validDeployment.spec as object), replicas: 2 ** 31 })).reports.map((r) => r.message)).toEqual(['spec.replicas: expected a 32-bit integer, got integer 2147483648']);
    const secret = (data: unknown) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data });
    expect(check(secret({ a: 'aGVsbG8=' })).reports).toEqual([]);
    expect(check(secret({ a: 'not base64!' })).reports.map((r) => [r.path.join('.'), r.on, r.message])).toEqual([['data.a', 'value', 'data.a: expected base64-encoded data, got string "not base64!"']]);
    const withTime = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: 'yesterday' } };
    expect(check(withTime).reports.map((r) => r.message)).toEqual(['metadata.creationTimestamp: expected a date-time in RFC 3339 form (2006-01-02T15:04:05Z), got string "yesterday"']);
  });

  it('treats null as unset, like the API server', () => {
    const object = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', creationTimestamp: null, labels: null }, spec: { ports: [{ port: 80, name: null }], selector: null } };
    expect(check(object).reports).toEqual([]);
    const required = check({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: null } });
    expect(required.reports.map((r) => r.message)).toEqual(['spec.containers: required field is missing']);
  });

  it('allows status fields', () => {
    expect(check({ ...validDeployment, status: { replicas: 2, availableReplicas: 2 } }).reports).toEqual([]);
  });

  it('never throws, whatever the input', () => {
    const odd: unknown[] = [null, 3, 'text', [], [1, 2], { spec: 3 }, { spec: { template: [] } }, { metadata: { labels: ['a'] } }, { spec: { containers: 'x' } }];
    for (const object of odd) {
      for (const [apiVersion, kind] of [['apps/v1', 'Deployment'], ['v1', 'Pod'], [undefined, undefined], ['v1', undefined]] as const) {
        const result = checker.check({ apiVersion, kind, object: object as JsonValue });
        expect(result.reason ?? '').not.toMatch(/schema check failed/);
      }
    }
    expect(checker.check({ apiVersion: 'v1', kind: 'Pod', object: 'text' })).toEqual({ reports: [], checked: false, reason: 'not a Kubernetes object (not a mapping)' });
  });
});

describe('schema checker: apiVersion and kind', () => {
  it('names the version checked and the apiVersion to use', () => {
    const result = check({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'x' } });
    expect(result.checked).toBe(true);
    expect(brief(result.reports)).toEqual([
      { ruleId: 'unknown-api', severity: 'error', path: 'apiVersion', on: 'value', message: 'extensions/v1beta1 Deployment is not served by Kubernetes 1.36; use apps/v1', hint: undefined },
    ]);
    const old = createSchemaChecker({ kubernetesVersion: '1.34' });
    expect(check({ apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget' }, old).reports[0]?.message).toBe('policy/v1beta1 PodDisruptionBudget is not served by Kubernetes 1.34; use policy/v1');
  });

  it('suggests a kind for a misspelt one', () => {
    const result = check({ apiVersion: 'apps/v1', kind: 'Deploymnet' });
    expect(result.reports.map((r) => [r.ruleId, r.path.join('.'), r.message, r.hint])).toEqual([['unknown-api', 'kind', 'apps/v1 Deploymnet is not served by Kubernetes 1.36', 'did you mean Deployment?']]);
  });

  it('leaves custom resources without a CRD unchecked, or fails them with requireSchemas', () => {
    const cr = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(check(cr)).toEqual({ reports: [], checked: false, reason: 'no schema for example.com/v1 Widget (a custom resource without its CustomResourceDefinition)' });
    const requiring = createSchemaChecker({ kubernetesVersion: '1.36', requireSchemas: true });
    expect(brief(check(cr, requiring).reports)).toEqual([
      { ruleId: 'missing-schema', severity: 'error', path: 'kind', on: 'value', message: 'no schema for example.com/v1 Widget (a custom resource without its CustomResourceDefinition)', hint: undefined },
    ]);
  });
});

describe('schema checker: list-map keys', () => {
  const podWith = (containers: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } });

  it('reports a duplicate container name at the duplicate', () => {
    const result = check(podWith([{ name: 'app', image: 'a' }, { name: 'app', image: 'b' }]));
    expect(brief(result.reports)).toEqual([
      { ruleId: 'list-map-key', severity: 'error', path: 'spec.containers.1.name', on: 'value', message: 'spec.containers[1]: duplicate entry with name "app" (already used by containers[0])', hint: undefined },
    ]);
  });

  it('treats a missing protocol as TCP when comparing ports, and tells UDP apart', () => {
    const ports = [{ containerPort: 53 }, { containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }];
    const result = check(podWith([{ name: 'dns', image: 'a', ports }]));
    expect(result.reports.map((r) => [r.path.join('.'), r.message])).toEqual([
      ['spec.containers.0.ports.2.containerPort', 'spec.containers[0].ports[2]: duplicate entry with containerPort 53 and protocol "TCP" (already used by ports[0])'],
    ]);
  });

  it('reports duplicate env names and duplicate Service ports', () => {
    const env = [{ name: 'A', value: '1' }, { name: 'B' }, { name: 'A', value: '2' }];
    expect(check(podWith([{ name: 'c', image: 'i', env }])).reports.map((r) => r.path.join('.'))).toEqual(['spec.containers.0.env.2.name']);
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }, { port: 80, protocol: 'TCP', name: 'b' }] } };
    expect(check(service).reports.map((r) => r.ruleId)).toEqual(['list-map-key']);
  });
});

describe('precompiled validators', () => {
  it('are bundled for every version, one per served kind', () => {
    for (const version of ['1.34', '1.36']) {
      const validators = precompiledValidators(catalogDir(version));
      expect(validators?.has('io.k8s.api.apps.v1.Deployment')).toBe(true);
      expect(validators?.size).toBe(new Set(loadCatalog(version).resources.map((r) => r.definition)).size);
    }
  });

  it('give the same reports as validators compiled at run time', () => {
    const compiled = createSchemaChecker({ kubernetesVersion: '1.36', precompiled: false });
    const samples = [
      validDeployment,
      deployment({ replicas: '3', template: { spec: { containers: [{ image: 'nginx', imagePullPolicyy: 'Always', resources: { limits: { cpu: '1 GB' } } }] } } }),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 's', creationTimestamp: 'now' }, spec: { ports: [{ port: 'x', targetPort: true }], tpye: 'ClusterIP' } },
      { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' }, spec: { schedule: 5, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'a' }], restartPolicy: 1 } } } } } },
    ];
    for (const sample of samples) expect(check(sample)).toEqual(check(sample, compiled));
  });
});

describe('field paths in messages', () => {
  it('quotes keys that are not plain names', () => {
    const result = check({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { 'app.kubernetes.io/name': 5 } } });
    expect(result.reports.map((r) => [r.path, r.message])).toEqual([
      [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]: expected string, got integer 5'],
    ]);
  });
});

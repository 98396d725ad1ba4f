import { describe, expect, it } from 'vitest';
import { lintSources } from '../src/engine/lint.js';
import { resourceRules } from '../src/rules/index.js';

/** Kinds the rules read, with the apiVersion each is built in under (and one old one). */
const KINDS: [string, string][] = [
  ['v1', 'Pod'],
  ['v1', 'PodTemplate'],
  ['v1', 'ReplicationController'],
  ['v1', 'Service'],
  ['v1', 'Namespace'],
  ['v1', 'ConfigMap'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['extensions/v1beta1', 'Deployment'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole'],
  ['example.com/v1', 'Widget'],
];

/** Values that are the wrong type for almost any field. */
const WRONG: unknown[] = [null, 3, 'text', true, [], ['a'], [null, 3], {}, { a: [1] }];

/** Places where a rule descends into the object: each one gets every wrong value in turn. */
const PATHS: string[][] = [
  [],
  ['metadata'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
  ['metadata', 'labels'],
  ['metadata', 'annotations'],
  ['spec'],
  ['spec', 'selector'],
  ['spec', 'selector', 'matchLabels'],
  ['spec', 'selector', 'matchExpressions'],
  ['spec', 'selector', 'matchExpressions', '0'],
  ['spec', 'ports'],
  ['spec', 'ports', '0'],
  ['spec', 'ports', '0', 'nodePort'],
  ['spec', 'ports', '0', 'targetPort'],
  ['spec', 'type'],
  ['spec', 'template'],
  ['spec', 'template', 'metadata'],
  ['spec', 'template', 'metadata', 'labels'],
  ['spec', 'template', 'spec'],
  ['spec', 'template', 'spec', 'containers'],
  ['spec', 'template', 'spec', 'containers', '0'],
  ['spec', 'template', 'spec', 'containers', '0', 'ports'],
  ['spec', 'template', 'spec', 'containers', '0', 'ports', '0'],
  ['spec', 'template', 'spec', 'containers', '0', 'volumeMounts'],
  ['spec', 'template', 'spec', 'containers', '0', 'livenessProbe'],
  ['spec', 'template', 'spec', 'containers', '0', 'livenessProbe', 'httpGet'],
  ['spec', 'template', 'spec', 'containers', '0', 'resources'],
  ['spec', 'template', 'spec', 'volumes'],
  ['spec', 'template', 'spec', 'initContainers'],
  ['spec', 'containers'],
  ['spec', 'containers', '0'],
  ['spec', 'containers', '0', 'image'],
  ['spec', 'containers', '0', 'lifecycle'],
  ['spec', 'volumes'],
  ['spec', 'volumes', '0'],
  ['spec', 'volumes', '1', 'hostPath'],
  ['spec', 'os'],
  ['spec', 'securityContext'],
  ['spec', 'securityContext', 'sysctls'],
  ['spec', 'securityContext', 'sysctls', '0'],
  ['spec', 'securityContext', 'seccompProfile'],
  ['spec', 'securityContext', 'seLinuxOptions'],
  ['spec', 'containers', '0', 'securityContext'],
  ['spec', 'containers', '0', 'securityContext', 'capabilities'],
  ['spec', 'containers', '0', 'securityContext', 'capabilities', 'add'],
  ['spec', 'containers', '0', 'securityContext', 'seLinuxOptions'],
  ['spec', 'containers', '0', 'securityContext', 'appArmorProfile'],
  ['spec', 'containers', '0', 'securityContext', 'windowsOptions'],
  ['spec', 'volumeClaimTemplates'],
  ['spec', 'jobTemplate'],
  ['spec', 'jobTemplate', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template'],
  ['template'],
];

/** A well-formed object of the kind, with every part the rules read, so that each path exists. */
function base(apiVersion: string, kind: string): Record<string, unknown> {
  const container = {
    name: 'app',
    image: 'nginx',
    ports: [{ name: 'http', containerPort: 80 }],
    volumeMounts: [{ name: 'data', mountPath: '/data' }],
    livenessProbe: { httpGet: { port: 'http' } },
    lifecycle: { preStop: { httpGet: { port: 'http' } } },
    resources: { requests: { cpu: '1' } },
    securityContext: { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] }, seLinuxOptions: { user: 'u' }, appArmorProfile: { type: 'Unconfined' }, procMount: 'Unmasked', windowsOptions: { hostProcess: true } },
  };
  const podSpec = {
    containers: [container],
    initContainers: [container],
    volumes: [{ name: 'data', emptyDir: {} }, { name: 'host', hostPath: { path: '/' } }],
    os: { name: 'linux' },
    securityContext: { sysctls: [{ name: 'kernel.msgmax', value: '1' }], seccompProfile: { type: 'Unconfined' }, seLinuxOptions: { type: 'x' }, runAsNonRoot: false },
  };
  const template = { metadata: { labels: { app: 'x' } }, spec: podSpec };
  return {
    apiVersion,
    kind,
    metadata: { name: 'x', labels: { app: 'x' }, annotations: { a: 'b', 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } },
    spec: {
      ...podSpec,
      selector: { app: 'x', matchLabels: { app: 'x' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }] },
      ports: [{ port: 80, targetPort: 'http', nodePort: 30000 }],
      type: 'NodePort',
      template,
      jobTemplate: { spec: { template } },
      volumeClaimTemplates: [{ metadata: { name: 'data' } }],
    },
    template,
  };
}

function withValue(object: Record<string, unknown>, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy: Record<string, unknown> | unknown[] = structuredClone(object);
  let node: Record<string, unknown> | unknown[] = copy;
  for (const key of path.slice(0, -1)) {
    const next = Array.isArray(node) ? node[Number(key)] : node[key];
    if (typeof next !== 'object' || next === null) return copy;
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  if (Array.isArray(node)) node[Number(last)] = value;
  else node[last] = value;
  return copy;
}

const everyRuleOn = Object.fromEntries(resourceRules.map((r) => [r.id, r.severity]));

describe('rules never throw on malformed input', () => {
  for (const [apiVersion, kind] of KINDS) {
    it(`${apiVersion} ${kind}`, () => {
      const documents: string[] = [];
      for (const path of PATHS) for (const value of WRONG) documents.push(JSON.stringify(withValue(base(apiVersion, kind), path, value)) + '\n');
      // JSON is YAML: one document per malformed variant.
      const text = documents.join('---\n');
      const result = lintSources([{ path: 'malformed.yaml', text, language: 'yaml' }], { preset: 'all', rules: everyRuleOn, podSecurity: 'restricted' });
      const internal = result.findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${f.line}: ${f.message}`);
      expect(internal).toEqual([]);
      // The input really reached the rules: the well-formed parts still produce findings.
      expect(result.findings.length).toBeGreaterThan(0);
    });
  }
});

import { versionAtLeast } from '../k8s/api-version.js';
import { isSidecar } from '../k8s/probes.js';
import { asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

/** Handler fields in the order the API server counts them (validateHandler). */
const PROBE_TYPES = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const HOOK_TYPES = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

const HANDLERS: readonly { path: readonly string[]; types: readonly string[] }[] = [
  { path: ['livenessProbe'], types: PROBE_TYPES },
  { path: ['readinessProbe'], types: PROBE_TYPES },
  { path: ['startupProbe'], types: PROBE_TYPES },
  { path: ['lifecycle', 'postStart'], types: HOOK_TYPES },
  { path: ['lifecycle', 'preStop'], types: HOOK_TYPES },
];

function listed(types: readonly string[]): string {
  return `${types.slice(0, -1).join(', ')} or ${types.at(-1)}`;
}

export default defineRule<'none' | 'several'>({
  id: 'probe-handler',
  description: 'Require each probe and lifecycle hook to set exactly one handler (exec, httpGet, tcpSocket, grpc or sleep)',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    none: '{{handler}} sets no handler: give one of {{types}}',
    several: '{{handler}} sets both {{first}} and {{other}}; a {{what}} has exactly one handler',
  },
  *check(resource, ctx) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    // Fields of a feature that is off are dropped before validation: grpc probes came in 1.24, sleep hooks in 1.30.
    const off = new Set([...(versionAtLeast(ctx.kubernetesVersion, '1.24') ? [] : ['grpc']), ...(versionAtLeast(ctx.kubernetesVersion, '1.30') ? [] : ['sleep'])]);
    for (const c of containersOf(spec, ['initContainers', 'containers'])) {
      // Plain init containers may not have probes or hooks at all (a different error); sidecars may.
      if (c.group === 'initContainers' && !isSidecar(c, ctx.kubernetesVersion)) continue;
      for (const { path, types } of HANDLERS) {
        let handler: unknown = c.value;
        for (const key of path) handler = asObject(handler)?.[key];
        const fields = asObject(handler);
        if (!fields) continue;
        const kinds = types.filter((t) => !off.has(t));
        const set = kinds.filter((t) => fields[t] !== undefined && fields[t] !== null);
        // A handler of the wrong type fails decoding; the schema check reports it.
        if (set.some((t) => asObject(fields[t]) === undefined)) continue;
        const name = path.join('.');
        const at = [...c.path, ...path];
        if (set.length === 0) {
          yield { path: at, on: 'key', messageId: 'none', data: { handler: name, types: listed(kinds) } };
          continue;
        }
        for (const other of set.slice(1)) {
          yield {
            path: [...at, other],
            on: 'key',
            messageId: 'several',
            data: { handler: name, first: set[0], other, what: path[0] === 'lifecycle' ? 'hook' : 'probe' },
          };
        }
      }
    }
  },
});

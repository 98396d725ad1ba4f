import { asArray, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'onNode'>({
  id: 'host-network-ports',
  description: "Warn about ports of pods on the host network: each one listens on every address of the node",
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: { onNode: 'port {{port}} of container "{{container}}" listens on the node itself (hostNetwork: true)' },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec || spec.value.hostNetwork !== true) return;
    for (const c of containersOf(spec, ['initContainers', 'containers'])) {
      for (const [i, item] of (asArray(c.value.ports) ?? []).entries()) {
        const port = asObject(item)?.containerPort;
        if (typeof port !== 'number') continue;
        yield {
          path: [...c.path, 'ports', i, 'containerPort'],
          on: 'value',
          messageId: 'onNode',
          data: { port, container: c.name ?? String(c.path.at(-1)) },
          hint: 'anything that can reach the node reaches this port, past NetworkPolicies; drop hostNetwork and expose the port through a Service',
        };
      }
    }
  },
});

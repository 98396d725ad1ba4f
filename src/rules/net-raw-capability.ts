import { containerAt } from '../k8s/pod-security/pod-view.js';
import { asArray, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'notDropped' | 'added'>({
  id: 'net-raw-capability',
  description: 'Warn about containers that keep the NET_RAW capability (neither NET_RAW nor ALL dropped) or add it',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: {
    notDropped: 'container "{{container}}" keeps NET_RAW: it drops neither NET_RAW nor ALL',
    added: 'container "{{container}}" adds NET_RAW',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    // Windows containers have no Linux capabilities.
    if (asObject(spec.value.os)?.name === 'windows') return;
    for (const c of containersOf(spec, ['initContainers', 'containers'])) {
      const caps = asObject(asObject(c.value.securityContext)?.capabilities);
      const container = c.name ?? String(c.path.at(-1));
      const added = (asArray(caps?.add) ?? []).findIndex((v) => v === 'NET_RAW' || v === 'CAP_NET_RAW' || v === 'ALL');
      if (added >= 0) {
        yield { path: [...c.path, 'securityContext', 'capabilities', 'add', added], on: 'value', messageId: 'added', data: { container }, hint: 'raw sockets let a container forge packets on the pod network (ARP and DNS spoofing); ping works without it on current kernels' };
        continue;
      }
      const drop = asArray(caps?.drop);
      if (drop?.some((v) => v === 'ALL' || v === 'NET_RAW' || v === 'CAP_NET_RAW')) continue;
      const at = drop ? { path: [...c.path, 'securityContext', 'capabilities', 'drop'], on: 'key' as const } : containerAt(c);
      yield { ...at, messageId: 'notDropped', data: { container }, hint: 'container runtimes grant NET_RAW by default; set securityContext: { capabilities: { drop: [ALL] } } (or drop NET_RAW)' };
    }
  },
});

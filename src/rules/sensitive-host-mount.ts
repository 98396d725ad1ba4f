import { sensitiveHostPath } from '../k8s/security.js';
import { asArray, asObject } from '../k8s/values.js';
import { podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'sensitive'>({
  id: 'sensitive-host-mount',
  description: 'Warn about hostPath volumes that expose a container runtime socket or a system directory of the node',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: { sensitive: 'volume "{{volume}}" mounts the host path {{path}}: {{why}}' },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const [i, item] of (asArray(spec.value.volumes) ?? []).entries()) {
      const volume = asObject(item);
      const path = asObject(volume?.hostPath)?.path;
      if (typeof path !== 'string') continue;
      const why = sensitiveHostPath(path);
      if (!why) continue;
      yield {
        path: [...spec.path, 'volumes', i, 'hostPath', 'path'],
        on: 'value',
        messageId: 'sensitive',
        data: { volume: typeof volume?.name === 'string' ? volume.name : String(i), path, why },
        hint: 'a container that can write there can take over the node; mount only the file it needs, read-only, or use a Secret, ConfigMap or CSI volume',
      };
    }
  },
});

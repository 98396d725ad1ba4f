import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { containerAt } from '../k8s/pod-security/pod-view.js';
import { asObject } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

export default defineRule<'writable'>({
  id: 'writable-root-filesystem',
  description: 'Warn about containers whose root filesystem is writable (no securityContext.readOnlyRootFilesystem: true)',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: { writable: 'container "{{container}}" can write to its root filesystem' },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const c of containersOf(spec, ['initContainers', 'containers'])) {
      const sc = asObject(c.value.securityContext);
      if (sc?.readOnlyRootFilesystem === true) continue;
      const at = sc && 'readOnlyRootFilesystem' in sc ? { path: [...c.path, 'securityContext', 'readOnlyRootFilesystem'], on: 'value' as const } : containerAt(c);
      yield { ...at, messageId: 'writable', data: { container: c.name ?? String(c.path.at(-1)) }, hint: 'set securityContext: { readOnlyRootFilesystem: true } and mount an emptyDir where the program must write' };
    }
  },
});

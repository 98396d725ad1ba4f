import { podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'mounted'>({
  id: 'service-account-token',
  description: 'Warn about pods that get an API token mounted (automountServiceAccountToken not false)',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: { mounted: 'the pod gets its service account token mounted{{how}}' },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    const value = spec.value.automountServiceAccountToken;
    if (value === false) return;
    const explicit = value === true;
    yield {
      path: explicit ? [...spec.path, 'automountServiceAccountToken'] : spec.path,
      on: explicit ? 'value' : 'key',
      messageId: 'mounted',
      data: { how: explicit ? '' : ' (automountServiceAccountToken is not set, and defaults to true unless its ServiceAccount says false)' },
      hint: 'a program that does not call the Kubernetes API does not need the token, and an attacker inside the pod would use it; set automountServiceAccountToken: false',
    };
  },
});

import { looksLikeSecretName, looksLikeSecretValue } from '../k8s/security.js';
import { asArray, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'literal'>({
  id: 'env-secret-literal',
  description: 'Warn about environment variables named like credentials (PASSWORD, TOKEN, SECRET, API_KEY) whose value is written in the manifest',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: { literal: 'environment variable {{name}} of container "{{container}}" holds a credential in plain text' },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const c of containersOf(spec)) {
      for (const [i, item] of (asArray(c.value.env) ?? []).entries()) {
        const env = asObject(item);
        const name = env?.name;
        const value = env?.value;
        if (typeof name !== 'string' || typeof value !== 'string' || !looksLikeSecretName(name) || !looksLikeSecretValue(value)) continue;
        yield {
          path: [...c.path, 'env', i, 'value'],
          on: 'value',
          messageId: 'literal',
          data: { name, container: c.name ?? String(c.path.at(-1)) },
          hint: 'anyone who can read the object (or its Git history) reads the value; use valueFrom: { secretKeyRef: { name: ..., key: ... } }',
        };
      }
    }
  },
});

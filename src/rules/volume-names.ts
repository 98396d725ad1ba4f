import { dns1123Label } from '../k8s/names.js';
import { asArray, asObject } from '../k8s/values.js';
import { podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

// A name used twice is the schema stage's `list-map-key` finding (name keys the volumes list).
export default defineRule<'invalid'>({
  id: 'volume-names',
  description: "Require a pod's volume names to be DNS-1123 labels",
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    invalid: 'volume name "{{name}}" is invalid: it {{reason}}',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const [i, item] of (asArray(spec.value.volumes) ?? []).entries()) {
      const name = asObject(item)?.name;
      if (typeof name !== 'string') continue;
      const path = [...spec.path, 'volumes', i, 'name'];
      const bad = dns1123Label(name);
      if (bad) yield { path, on: 'value', messageId: 'invalid', data: { name, reason: bad }, hint: 'volumeMounts refer to volumes by this name' };
    }
  },
});

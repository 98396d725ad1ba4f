import { asArray, asObject, asString } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

// Two mounts at one mountPath are the schema stage's `list-map-key` finding (mountPath keys the list).
export default defineRule<'undeclared'>({
  id: 'volume-mounts',
  description: 'Require every volumeMount to name a volume of the pod',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    undeclared: 'volumeMount "{{name}}" names no volume of this pod{{known}}',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    const volumes = asArray(spec.value.volumes);
    const declared = new Set((volumes ?? []).map((v) => asString(asObject(v)?.name)).filter((n): n is string => n !== undefined));
    // A StatefulSet's volumeClaimTemplates become volumes of each pod, under the claim template's name.
    if (resource.kind === 'StatefulSet') {
      const claims = asArray(asObject(asObject(resource.object)?.spec)?.volumeClaimTemplates) ?? [];
      for (const claim of claims) {
        const name = asString(asObject(asObject(claim)?.metadata)?.name);
        if (name !== undefined) declared.add(name);
      }
    }
    for (const c of containersOf(spec)) {
      for (const [i, item] of (asArray(c.value.volumeMounts) ?? []).entries()) {
        const mount = asObject(item);
        if (!mount) continue;
        const name = asString(mount.name);
        if (name !== undefined && !declared.has(name)) {
          yield {
            path: [...c.path, 'volumeMounts', i, 'name'],
            on: 'value',
            messageId: 'undeclared',
            data: { name, known: declared.size > 0 ? ` (volumes: ${[...declared].join(', ')})` : ' (it declares no volumes)' },
            hint: 'declare the volume under the pod spec\'s volumes (next to containers), with the same name',
          };
        }
      }
    }
  },
});

import { isBuiltinKind } from '../k8s/api-version.js';
import { describePlace, placeOf } from '../k8s/places.js';
import { asArray, asInteger, asObject, asString } from '../k8s/values.js';
import { describeResource, namespaceOf } from '../k8s/workloads.js';
import type { Place } from '../types.js';
import { defineRule } from './define-rule.js';

interface NodePortUse {
  nodePort: number;
  protocol: string;
  at: Place;
}

interface Fact {
  /** `namespace/name`: the same object written twice (overlays, copies) is not a conflict with itself. */
  identity: string;
  service: string;
  uses: NodePortUse[];
}

export default defineRule<'taken' | 'repeated', Record<string, unknown>, Fact>({
  id: 'nodeport-unique',
  description: 'Disallow the same nodePort in two Services, or twice for one protocol in one Service',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: ['Service'],
  messages: {
    taken: 'nodePort {{port}} is already used by {{other}} ({{where}}); node ports are allocated cluster-wide',
    repeated: 'nodePort {{port}} is used twice for {{protocol}} in this Service',
  },
  collect(resource, ctx) {
    if (!isBuiltinKind(resource, 'Service')) return undefined;
    const uses: NodePortUse[] = [];
    for (const [i, item] of (asArray(asObject(asObject(resource.object)?.spec)?.ports) ?? []).entries()) {
      const port = asObject(item);
      const nodePort = asInteger(port?.nodePort);
      if (nodePort === undefined || nodePort === 0) continue;
      uses.push({ nodePort, protocol: asString(port?.protocol) ?? 'TCP', at: placeOf(resource, ctx, ['spec', 'ports', i, 'nodePort'], 'value') });
    }
    if (uses.length === 0) return undefined;
    return { identity: `${namespaceOf(resource, ctx.defaultNamespace)}/${resource.name ?? ''}`, service: describeResource(resource), uses };
  },
  *crossCheck(facts) {
    const owner = new Map<number, { fact: Fact; use: NodePortUse }>();
    for (const fact of facts) {
      const seen = new Set<string>();
      for (const use of fact.uses) {
        // One Service may serve TCP and UDP on the same node port; the same protocol twice is rejected.
        const key = `${use.nodePort}/${use.protocol}`;
        if (seen.has(key)) {
          yield { at: use.at, messageId: 'repeated', data: { port: use.nodePort, protocol: use.protocol } };
          continue;
        }
        seen.add(key);
        const first = owner.get(use.nodePort);
        if (!first) owner.set(use.nodePort, { fact, use });
        else if (first.fact !== fact && first.fact.identity !== fact.identity) {
          yield { at: use.at, messageId: 'taken', data: { port: use.nodePort, other: first.fact.service, where: describePlace(first.use.at, use.at) } };
        }
      }
    }
  },
});

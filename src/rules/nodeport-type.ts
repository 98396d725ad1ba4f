import { isBuiltinKind } from '../k8s/api-version.js';
import { asArray, asInteger, asObject, asString } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

export default defineRule<'forbidden'>({
  id: 'nodeport-type',
  description: 'Disallow nodePort on Services of type ClusterIP (the default) or ExternalName',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: ['Service'],
  messages: {
    forbidden: 'nodePort may not be set on a Service of type {{type}}',
  },
  *check(resource) {
    if (!isBuiltinKind(resource, 'Service')) return;
    const spec = asObject(asObject(resource.object)?.spec);
    if (!spec) return;
    const written = asString(spec.type);
    const type = written ?? 'ClusterIP';
    if (type !== 'ClusterIP' && type !== 'ExternalName') return;
    for (const [i, item] of (asArray(spec.ports) ?? []).entries()) {
      const nodePort = asInteger(asObject(item)?.nodePort);
      if (nodePort === undefined || nodePort === 0) continue;
      yield {
        path: ['spec', 'ports', i, 'nodePort'],
        on: 'key',
        messageId: 'forbidden',
        data: { type: written ? type : 'ClusterIP (the default when type is not set)' },
        hint: 'set type: NodePort (or LoadBalancer) to open the port on every node, or remove nodePort',
      };
    }
  },
});

import { isBuiltinKind } from '../k8s/api-version.js';
import { asArray, asInteger, asObject } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

export interface NodePortRangeOptions {
  /** The API server's --service-node-port-range, lower and upper bound inclusive. */
  min: number;
  max: number;
}

export default defineRule<'outside', Partial<NodePortRangeOptions>>({
  id: 'nodeport-range',
  description: 'Require Service nodePorts inside the cluster NodePort range (30000-32767 by default)',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  defaultOptions: { min: 30000, max: 32767 },
  kinds: ['Service'],
  messages: {
    outside: 'nodePort {{port}} is outside the NodePort range {{min}}-{{max}}',
  },
  *check(resource, ctx) {
    if (!isBuiltinKind(resource, 'Service')) return;
    const min = asInteger(ctx.options.min) ?? 30000;
    const max = asInteger(ctx.options.max) ?? 32767;
    const ports = asArray(asObject(asObject(resource.object)?.spec)?.ports) ?? [];
    for (const [i, item] of ports.entries()) {
      const nodePort = asInteger(asObject(item)?.nodePort);
      // 0 asks the server to pick one, like leaving it out.
      if (nodePort === undefined || nodePort === 0 || (nodePort >= min && nodePort <= max)) continue;
      yield {
        path: ['spec', 'ports', i, 'nodePort'],
        on: 'value',
        messageId: 'outside',
        data: { port: nodePort, min, max },
        hint: 'leave nodePort out to get a free port from the range, or pick one inside it; a cluster with another --service-node-port-range can set this rule\'s min and max options',
      };
    }
  },
});

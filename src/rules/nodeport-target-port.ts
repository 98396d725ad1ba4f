import { isBuiltinKind } from '../k8s/api-version.js';
import { asArray, asInteger, asObject, asString } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

/** How a targetPort reads in a message: a number as is, a port name quoted. */
function describeTarget(value: unknown): string | undefined {
  const number = asInteger(value);
  if (number !== undefined) return String(number);
  const name = asString(value);
  return name === undefined ? undefined : JSON.stringify(name);
}

const PIN_HINT = 'set nodePort (30000-32767) to choose the port opened on the nodes yourself';

/**
 * Port numbers of NodePort Services are easy to mix up: `targetPort` is often taken for the port
 * opened on the nodes. This rule only explains (severity info); the other nodeport-* rules and
 * service-target-port report what the API server or the traffic would get wrong.
 */
const NODE_PORT_RANGE = 'on every node at a port the API server picks from 30000-32767';

export default defineRule<'nodePort' | 'nodePortNoTarget' | 'loadBalancer' | 'loadBalancerNoTarget' | 'same'>({
  id: 'nodeport-target-port',
  description: 'Explain which port is which on NodePort and LoadBalancer Services: nodePort on the nodes, port in the cluster, targetPort on the pod',
  severity: 'info',
  recommended: true,
  category: 'best-practice',
  kinds: ['Service'],
  messages: {
    nodePort: `NodePort Service: reachable ${NODE_PORT_RANGE}, and inside the cluster at port {{port}}; targetPort {{target}} is the port on the pod`,
    nodePortNoTarget: `NodePort Service: reachable ${NODE_PORT_RANGE}, and inside the cluster at port {{port}}; with no targetPort, the pod port is {{port}} too`,
    loadBalancer: `LoadBalancer Service: reachable at port {{port}} of the load balancer and inside the cluster, and ${NODE_PORT_RANGE}; targetPort {{target}} is the port on the pod`,
    loadBalancerNoTarget: `LoadBalancer Service: reachable at port {{port}} of the load balancer and inside the cluster, and ${NODE_PORT_RANGE}; with no targetPort, the pod port is {{port}} too`,
    same: 'nodePort {{nodePort}} equals {{what}}: clients outside the cluster use port {{nodePort}} of any node, clients inside use port {{port}} of the Service, and the pod must listen on {{target}}',
  },
  *check(resource) {
    if (!isBuiltinKind(resource, 'Service')) return;
    const spec = asObject(asObject(resource.object)?.spec);
    const type = spec?.type;
    if (!spec || (type !== 'NodePort' && type !== 'LoadBalancer')) return;
    // A LoadBalancer without node ports opens none, so there is nothing to mistake.
    if (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === false) return;
    for (const [i, item] of (asArray(spec.ports) ?? []).entries()) {
      const entry = asObject(item);
      const port = asInteger(entry?.port);
      if (!entry || port === undefined) continue;
      const targetGiven = entry.targetPort !== undefined && entry.targetPort !== null;
      const target = targetGiven ? describeTarget(entry.targetPort) : undefined;
      if (targetGiven && target === undefined) continue;
      const nodePort = asInteger(entry.nodePort);
      // nodePort 0 asks the server to pick one, like leaving it out.
      if (nodePort === undefined || nodePort === 0) {
        yield {
          path: ['spec', 'ports', i, targetGiven ? 'targetPort' : 'port'],
          on: 'value',
          messageId: type === 'NodePort' ? (targetGiven ? 'nodePort' : 'nodePortNoTarget') : targetGiven ? 'loadBalancer' : 'loadBalancerNoTarget',
          data: { port, target },
          hint: PIN_HINT,
        };
        continue;
      }
      const sameAsTarget = targetGiven && asInteger(entry.targetPort) === nodePort;
      if (!sameAsTarget && nodePort !== port) continue;
      yield {
        path: ['spec', 'ports', i, 'nodePort'],
        on: 'value',
        messageId: 'same',
        data: {
          nodePort,
          what: sameAsTarget && nodePort === port ? 'port and targetPort' : sameAsTarget ? 'targetPort' : 'port',
          port,
          target: targetGiven ? `targetPort ${target}` : `port ${port} (targetPort is not set)`,
        },
        hint: 'nodePort, port and targetPort are three separate numbers and need not match; if the same number is meant everywhere, the container must listen on it',
      };
    }
  },
});

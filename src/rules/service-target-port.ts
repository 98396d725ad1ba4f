import { opaqueFactOf, podsFactOf, type OpaqueFact, type PodsFact } from '../k8s/pods.js';
import { PodIndex } from '../k8s/pod-index.js';
import { serviceFactOf, type ServiceFact } from '../k8s/services.js';
import { defineRule } from './define-rule.js';

type Fact = ServiceFact | PodsFact | OpaqueFact;

interface PortSummary {
  somePodWithoutPorts: boolean;
  names: Set<string>;
  numbers: Set<number>;
}

function summarise(pods: readonly PodsFact[]): PortSummary {
  const summary: PortSummary = { somePodWithoutPorts: false, names: new Set(), numbers: new Set() };
  for (const p of pods) {
    if (p.ports.length === 0) summary.somePodWithoutPorts = true;
    for (const d of p.ports) {
      if (d.name) summary.names.add(d.name);
      summary.numbers.add(d.containerPort);
    }
  }
  return summary;
}

function describePorts(pods: readonly PodsFact[]): string {
  const ports = new Set<string>();
  for (const p of pods) for (const port of p.ports) ports.add(port.name ? `${port.containerPort} (${port.name})` : String(port.containerPort));
  return [...ports].join(', ');
}

const NODE_PORT_HINT =
  'targetPort is the port of the container the traffic goes to; the port opened on every node is nodePort (30000-32767 by default), picked at random when it is not set';

export default defineRule<'noName' | 'noNumber', Record<string, unknown>, Fact>({
  id: 'service-target-port',
  description: "Warn when a Service's targetPort is not a port the selected pods' containers declare",
  severity: 'warning',
  recommended: true,
  category: 'correctness',
  messages: {
    noName: 'targetPort "{{target}}" names no container port of the pods this Service selects ({{sources}}: {{ports}})',
    noNumber: '{{what}} {{target}} is not a containerPort of the pods this Service selects ({{sources}}: {{ports}})',
  },
  collect(resource, ctx) {
    return serviceFactOf(resource, ctx) ?? podsFactOf(resource, ctx.defaultNamespace) ?? opaqueFactOf(resource, ctx.defaultNamespace);
  },
  *crossCheck(facts) {
    const index = new PodIndex(facts.filter((f): f is PodsFact => f.type === 'pods'));
    const opaque = new Set(facts.filter((f) => f.type === 'opaque').map((f) => f.namespace));
    // The same selection serves every Service with the same selector: summarise its ports once.
    const summaries = new WeakMap<readonly PodsFact[], PortSummary>();
    for (const service of facts) {
      if (service.type !== 'service' || opaque.has(service.namespace)) continue;
      const selected = index.selectedBy(service.namespace, service.selector);
      let summary = summaries.get(selected);
      if (!summary) summaries.set(selected, (summary = summarise(selected)));
      // Nothing selected is service-selector's finding; pods that declare no ports say nothing about what they listen on.
      if (selected.length === 0 || summary.somePodWithoutPorts) continue;
      let described: { sources: string; ports: string } | undefined;
      const describe = () => (described ??= { sources: [...new Set(selected.map((p) => p.source))].join(', '), ports: describePorts(selected) });
      for (const port of service.ports) {
        if (typeof port.target === 'string') {
          // A named targetPort resolves per pod; a pod without the name gets no endpoint for this port.
          if (summary.names.has(port.target)) continue;
          yield { at: port.at, messageId: 'noName', data: { target: port.target, ...describe() } };
        } else if (typeof port.target === 'number') {
          // containerPort is informational, so a number counts as found when any selected pod declares it.
          if (summary.numbers.has(port.target)) continue;
          const misread = port.targetGiven && !port.nodePortGiven && (service.serviceType === 'NodePort' || service.serviceType === 'LoadBalancer');
          yield {
            at: port.at,
            messageId: 'noNumber',
            data: { what: port.targetGiven ? 'targetPort' : 'targetPort (defaulted from port)', target: port.target, ...describe() },
            ...(misread ? { hint: NODE_PORT_HINT } : port.targetGiven ? {} : { hint: 'without targetPort, the Service forwards to the container port with the same number as port' }),
          };
        }
      }
    }
  },
});

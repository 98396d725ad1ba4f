import { portName } from '../k8s/names.js';
import { handlerPorts } from '../k8s/probes.js';
import { asArray, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'unknownName'>({
  id: 'probe-port',
  description: "Require probe and lifecycle-hook port names to be among the container's named ports",
  severity: 'warning',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    unknownName: '{{handler}} uses port "{{name}}", but container "{{container}}" has no port with that name{{known}}',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const c of containersOf(spec)) {
      const names = (asArray(c.value.ports) ?? []).map((p) => asObject(p)?.name).filter((n): n is string => typeof n === 'string');
      for (const h of handlerPorts(c)) {
        // Malformed names are container-ports' finding; the kubelet resolves a name in this container only.
        if (typeof h.port !== 'string' || portName(h.port) !== undefined || names.includes(h.port)) continue;
        yield {
          path: h.path,
          on: 'value',
          messageId: 'unknownName',
          data: {
            handler: h.handler,
            name: h.port,
            container: c.name ?? String(c.path.at(-1)),
            known: names.length > 0 ? ` (it has ${names.map((n) => `"${n}"`).join(', ')})` : '',
          },
          hint: "name the port in the container's ports list, or give the probe the port number",
        };
      }
    }
  },
});

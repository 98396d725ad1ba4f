import { portName } from '../k8s/names.js';
import { handlerPorts } from '../k8s/probes.js';
import { asArray, asInteger, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'range' | 'badName' | 'duplicateName' | 'badHandlerPort'>({
  id: 'container-ports',
  description: 'Require container port numbers in 1-65535, and port names (in ports, probes and hooks) that are valid and unique in their container',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    range: '{{field}} {{port}} is not a valid port number (1-65535)',
    badName: 'port name "{{name}}" is invalid: it {{reason}}',
    duplicateName: 'port name "{{name}}" is used twice in container "{{container}}"',
    badHandlerPort: '{{handler}} port "{{name}}" is not a valid port name: it {{reason}}',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const c of containersOf(spec)) {
      const names = new Set<string>();
      for (const [i, item] of (asArray(c.value.ports) ?? []).entries()) {
        const port = asObject(item);
        if (!port) continue;
        const path = [...c.path, 'ports', i];
        const containerPort = asInteger(port.containerPort);
        if (containerPort !== undefined && (containerPort < 1 || containerPort > 65535)) {
          yield { path: [...path, 'containerPort'], on: 'value', messageId: 'range', data: { field: 'containerPort', port: containerPort } };
        }
        const hostPort = asInteger(port.hostPort);
        // hostPort 0 means "none".
        if (hostPort !== undefined && (hostPort < 0 || hostPort > 65535)) {
          yield { path: [...path, 'hostPort'], on: 'value', messageId: 'range', data: { field: 'hostPort', port: hostPort } };
        }
        if (typeof port.name !== 'string') continue;
        const bad = portName(port.name);
        if (bad) {
          yield {
            path: [...path, 'name'],
            on: 'value',
            messageId: 'badName',
            data: { name: port.name, reason: bad },
            hint: 'Services and probes refer to ports by these names (IANA service-name syntax)',
          };
        } else if (names.has(port.name)) {
          yield { path: [...path, 'name'], on: 'value', messageId: 'duplicateName', data: { name: port.name, container: c.name ?? String(c.path.at(-1)) } };
        }
        names.add(port.name);
      }
      for (const h of handlerPorts(c)) {
        if (typeof h.port === 'number' && Number.isInteger(h.port) && (h.port < 1 || h.port > 65535)) {
          yield { path: h.path, on: 'value', messageId: 'range', data: { field: `${h.handler} port`, port: h.port } };
        }
        if (typeof h.port !== 'string') continue;
        const bad = portName(h.port);
        if (!bad) continue;
        yield {
          path: h.path,
          on: 'value',
          messageId: 'badHandlerPort',
          data: { handler: h.handler, name: h.port, reason: bad },
          ...(/^\d+$/.test(h.port) ? { hint: `a quoted number is a port name; write port: ${h.port} without quotes` } : {}),
        };
      }
    }
  },
});

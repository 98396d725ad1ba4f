import { isBuiltinKind } from '../k8s/api-version.js';
import { dns1123Label, portName } from '../k8s/names.js';
import { asArray, asInteger, asObject, asString } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

export default defineRule<'nameRequired' | 'badName' | 'duplicateName' | 'badTargetName' | 'range'>({
  id: 'service-ports',
  description: 'Require Service ports to be named when there are several, with valid unique names, valid numbers and valid targetPort names',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: ['Service'],
  messages: {
    nameRequired: 'this Service has {{count}} ports, so each needs a name',
    badName: 'Service port name "{{name}}" is invalid: it {{reason}}',
    duplicateName: 'Service port name "{{name}}" is used twice',
    badTargetName: 'targetPort "{{name}}" is not a valid port name: it {{reason}}',
    range: '{{field}} {{port}} is not a valid port number (1-65535)',
  },
  *check(resource) {
    if (!isBuiltinKind(resource, 'Service')) return;
    const ports = asArray(asObject(asObject(resource.object)?.spec)?.ports) ?? [];
    const names = new Set<string>();
    for (const [i, item] of ports.entries()) {
      const port = asObject(item);
      if (!port) continue;
      const path = ['spec', 'ports', i];
      const name = asString(port.name);
      if (name === undefined && ports.length > 1) {
        // Endpoints and EndpointSlices tell the ports of a multi-port Service apart by name.
        yield { path, on: 'value', messageId: 'nameRequired', data: { count: ports.length }, hint: 'name each port (http, metrics, …); a single-port Service may leave it out' };
      }
      if (name !== undefined) {
        const bad = dns1123Label(name);
        if (bad) yield { path: [...path, 'name'], on: 'value', messageId: 'badName', data: { name, reason: bad } };
        else if (names.has(name)) yield { path: [...path, 'name'], on: 'value', messageId: 'duplicateName', data: { name } };
        names.add(name);
      }
      const number = asInteger(port.port);
      if (number !== undefined && (number < 1 || number > 65535)) {
        yield { path: [...path, 'port'], on: 'value', messageId: 'range', data: { field: 'port', port: number } };
      }
      const target = port.targetPort;
      // 0 and "" are defaulted to `port`, like leaving targetPort out.
      if (typeof target === 'number' && Number.isInteger(target) && target !== 0 && (target < 1 || target > 65535)) {
        yield { path: [...path, 'targetPort'], on: 'value', messageId: 'range', data: { field: 'targetPort', port: target } };
      } else if (typeof target === 'string' && target !== '') {
        // A string targetPort is a container port name, with the IANA service-name syntax; a quoted number is no exception.
        const bad = portName(target);
        const quotedNumber = /^\d+$/.test(target);
        if (bad) {
          yield {
            path: [...path, 'targetPort'],
            on: 'value',
            messageId: 'badTargetName',
            data: { name: target, reason: bad },
            ...(quotedNumber ? { hint: `a quoted number is a port name; write targetPort: ${target} without quotes` } : {}),
          };
        }
      }
    }
  },
});

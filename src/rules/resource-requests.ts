import { milliValue } from '../k8s/quantity.js';
import { asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

/** Names without a domain, and names in the kubernetes.io domain, are Kubernetes' own resources. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Hugepages and extended resources (`nvidia.com/gpu`) are handed out whole: a request must equal its limit. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !name.startsWith('hugepages-');
}

/** Extended resources (outside kubernetes.io) are counted in whole units. */
function isExtended(name: string): boolean {
  return !isNative(name) && !name.startsWith('requests.');
}

export default defineRule<'negative' | 'fractional' | 'overLimit' | 'notEqual' | 'noLimit' | 'hugePagesAlone'>({
  id: 'resource-requests',
  description: 'Require container resource requests within their limits (equal to them for hugepages and extended resources), and amounts the API server accepts',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    negative: '{{kind}}.{{resource}} {{value}} is negative',
    fractional: '{{kind}}.{{resource}} {{value}} is not a whole number; {{resource}} is counted in whole units',
    overLimit: '{{resource}} request {{request}} is greater than its limit {{limit}}',
    notEqual: '{{resource}} request {{request}} differs from its limit {{limit}}; {{resource}} cannot be overcommitted, so they must be equal',
    noLimit: '{{resource}} is requested without a limit; {{resource}} cannot be overcommitted, so it needs a limit equal to the request',
    hugePagesAlone: 'container "{{container}}" uses hugepages without requesting or limiting cpu or memory',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    // Ephemeral containers may not set resources at all (a different error).
    for (const c of containersOf(spec, ['initContainers', 'containers'])) {
      const resources = asObject(c.value.resources);
      if (!resources) continue;
      const requests = asObject(resources.requests) ?? {};
      const limits = asObject(resources.limits) ?? {};
      for (const [kind, list] of [['requests', requests], ['limits', limits]] as const) {
        for (const [name, written] of Object.entries(list)) {
          const milli = milliValue(written);
          if (milli === undefined) continue;
          const data = { kind, resource: name, value: String(written) };
          const path = [...c.path, 'resources', kind, name];
          if (milli < 0n) yield { path, on: 'value', messageId: 'negative', data };
          else if (isExtended(name) && milli % 1000n !== 0n) yield { path, on: 'value', messageId: 'fractional', data };
        }
      }
      for (const [name, written] of Object.entries(requests)) {
        const request = milliValue(written);
        if (request === undefined) continue;
        const path = [...c.path, 'resources', 'requests', name];
        const data = { resource: name, request: String(written), limit: String(limits[name]) };
        if (!(name in limits)) {
          if (!overcommitAllowed(name)) yield { path, on: 'key', messageId: 'noLimit', data };
          continue;
        }
        const limit = milliValue(limits[name]);
        if (limit === undefined) continue;
        if (!overcommitAllowed(name) && request !== limit) yield { path, on: 'value', messageId: 'notEqual', data };
        else if (request > limit) {
          yield { path, on: 'value', messageId: 'overLimit', data, hint: 'the scheduler reserves the request; the limit caps what the container may use, so it cannot be smaller' };
        }
      }
      const names = [...Object.keys(requests), ...Object.keys(limits)];
      if (names.some((n) => n.startsWith('hugepages-')) && !names.some((n) => n === 'cpu' || n === 'memory')) {
        yield { path: [...c.path, 'resources'], on: 'key', messageId: 'hugePagesAlone', data: { container: c.name ?? String(c.path.at(-1)) } };
      }
    }
  },
});

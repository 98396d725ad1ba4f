import { asArray, asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export interface ContainerResourcesOptions {
  /** Resource names every container must request. */
  requests: string[];
  /** Resource names every container must limit. */
  limits: string[];
}

function names(value: unknown, fallback: string[]): string[] {
  const list = asArray(value);
  return list ? list.filter((v): v is string => typeof v === 'string') : fallback;
}

export default defineRule<'missing', Partial<ContainerResourcesOptions>>({
  id: 'container-resources',
  description: 'Require containers to set resource requests and limits (by default: cpu and memory requests, a memory limit)',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'best-practice',
  kinds: POD_KINDS,
  defaultOptions: { requests: ['cpu', 'memory'], limits: ['memory'] },
  messages: {
    missing: 'container "{{container}}" sets no {{kind}}.{{resource}}',
  },
  *check(resource, ctx) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    const wanted = { requests: names(ctx.options.requests, ['cpu', 'memory']), limits: names(ctx.options.limits, ['memory']) };
    // Ephemeral debugging containers may not set resources at all.
    for (const c of containersOf(spec, ['initContainers', 'containers'])) {
      const resources = asObject(c.value.resources);
      for (const kind of ['requests', 'limits'] as const) {
        const set = asObject(resources?.[kind]);
        // A limit without a request makes the request equal to the limit.
        const limits = asObject(resources?.limits);
        for (const name of wanted[kind]) {
          if (set?.[name] !== undefined || (kind === 'requests' && limits?.[name] !== undefined)) continue;
          yield {
            path: c.name !== undefined ? [...c.path, 'name'] : c.path,
            on: 'value',
            messageId: 'missing',
            data: { container: c.name ?? String(c.path.at(-1)), kind, resource: name },
            hint: kind === 'requests' ? 'the scheduler places pods by their requests; without them a node can be overcommitted' : 'without a memory limit one container can take the memory of its whole node',
          };
        }
      }
    }
  },
});

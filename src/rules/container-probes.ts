import { asArray } from '../k8s/values.js';
import { BATCH_KINDS, containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

export default defineRule<'missing', { probes?: string[] }>({
  id: 'container-probes',
  description: 'Require long-running containers to declare readiness and liveness probes',
  severity: 'warning',
  recommended: false,
  category: 'best-practice',
  kinds: POD_KINDS,
  defaultOptions: { probes: ['readinessProbe', 'livenessProbe'] },
  messages: {
    missing: 'container "{{container}}" has no {{probe}}',
  },
  *check(resource, ctx) {
    // Jobs run to completion: a probe there only decides when to kill a task that is working.
    if (BATCH_KINDS.includes(resource.kind!)) return;
    const spec = podSpecOf(resource);
    if (!spec) return;
    const wanted = (asArray(ctx.options.probes) ?? ['readinessProbe', 'livenessProbe']).filter((p): p is (typeof PROBES)[number] =>
      (PROBES as readonly unknown[]).includes(p),
    );
    for (const c of containersOf(spec, ['containers'])) {
      for (const probe of wanted) {
        if (c.value[probe] !== undefined && c.value[probe] !== null) continue;
        yield {
          path: c.name !== undefined ? [...c.path, 'name'] : c.path,
          on: 'value',
          messageId: 'missing',
          data: { container: c.name ?? String(c.path.at(-1)), probe },
          hint:
            probe === 'readinessProbe'
              ? 'without a readiness probe a Service sends traffic to the pod as soon as the container starts'
              : 'without a liveness probe a container that hangs keeps running until someone notices',
        };
      }
    }
  },
});

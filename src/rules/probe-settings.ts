import { versionAtLeast } from '../k8s/api-version.js';
import { isSidecar } from '../k8s/probes.js';
import { asObject } from '../k8s/values.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export default defineRule<'notAllowed' | 'negative' | 'mustBeOne' | 'readinessGrace' | 'grace'>({
  id: 'probe-settings',
  description: 'Require probe timings the API server accepts, and no probes or hooks where a container may not have them',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    notAllowed: '{{field}} is not allowed in {{what}}',
    negative: '{{probe}}.{{field}} {{value}} must not be negative',
    mustBeOne: '{{probe}}.successThreshold must be 1, not {{value}}',
    readinessGrace: 'readinessProbe may not set terminationGracePeriodSeconds',
    grace: '{{probe}}.terminationGracePeriodSeconds {{value}} must be greater than 0',
  },
  *check(resource, ctx) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    // Probe-level grace periods are kept from 1.25 on (ProbeTerminationGracePeriod on by default).
    const graceKept = versionAtLeast(ctx.kubernetesVersion, '1.25');
    for (const c of containersOf(spec)) {
      const plainInit = c.group === 'initContainers' && !isSidecar(c, ctx.kubernetesVersion);
      if (plainInit || c.group === 'ephemeralContainers') {
        const what = plainInit ? 'an init container (only in a sidecar, with restartPolicy: Always)' : 'an ephemeral container';
        for (const field of [...PROBES, 'lifecycle'] as const) {
          const v = c.value[field];
          if (v !== undefined && v !== null) yield { path: [...c.path, field], on: 'key', messageId: 'notAllowed', data: { field, what } };
        }
        continue;
      }
      for (const probe of PROBES) {
        const fields = asObject(c.value[probe]);
        if (!fields) continue;
        const at = [...c.path, probe];
        for (const field of COUNTS) {
          const v = fields[field];
          if (typeof v === 'number' && Number.isInteger(v) && v < 0) yield { path: [...at, field], on: 'value', messageId: 'negative', data: { probe, field, value: v } };
        }
        // validateLivenessProbe / validateStartupProbe; 0 is defaulted to 1 first.
        const success = fields.successThreshold;
        if (probe !== 'readinessProbe' && typeof success === 'number' && Number.isInteger(success) && success > 1) {
          yield { path: [...at, 'successThreshold'], on: 'value', messageId: 'mustBeOne', data: { probe, value: success }, hint: 'a liveness or startup probe succeeds at its first success; leave successThreshold out' };
        }
        const grace = fields.terminationGracePeriodSeconds;
        if (!graceKept || grace === undefined || grace === null) continue;
        if (probe === 'readinessProbe') yield { path: [...at, 'terminationGracePeriodSeconds'], on: 'key', messageId: 'readinessGrace', hint: 'a failing readiness probe does not restart the container, so there is nothing to wait for' };
        else if (typeof grace === 'number' && Number.isInteger(grace) && grace <= 0) yield { path: [...at, 'terminationGracePeriodSeconds'], on: 'value', messageId: 'grace', data: { probe, value: grace } };
      }
    }
  },
});

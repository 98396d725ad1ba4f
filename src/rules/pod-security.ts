import { evaluatePod } from '../k8s/pod-security/evaluate.js';
import { podViewOf, type Violation } from '../k8s/pod-security/pod-view.js';
import { effectiveMinor, kubernetesMinor, LABEL_PREFIX, MODES, policyLabel, type PolicySpec } from '../k8s/pod-security/policy.js';
import { namespaceOf, POD_KINDS } from '../k8s/workloads.js';
import type { Severity } from '../types.js';
import { defineRule } from './define-rule.js';

interface Applied {
  spec: PolicySpec;
  severity: Severity;
  /** Where the level comes from, for the hint. */
  source: string;
}

export default defineRule<'violates'>({
  id: 'pod-security',
  description: 'Check pods and pod templates against the Pod Security Standards level their namespace labels, --pod-security or the configuration apply, as the Pod Security Admission controller does',
  severity: 'error',
  recommended: true,
  category: 'security',
  kinds: POD_KINDS,
  messages: {
    violates: '{{verb}} PodSecurity "{{policy}}": {{reason}}{{detail}}',
  },
  *check(resource, ctx) {
    const settings = ctx.podSecurity;
    if (!settings) return;
    const applied: Applied[] = [];
    const given = settings.all ?? settings.files?.[resource.file];
    // Without a version, --pod-security and the configuration mean the policy of --kubernetes-version.
    const own = given && given.minor === undefined ? { ...given, minor: kubernetesMinor(ctx.kubernetesVersion) } : given;
    if (own) applied.push({ spec: own, severity: 'error', source: settings.all ? `--pod-security ${policyLabel(own)}` : `the configuration's podSecurity ${policyLabel(own)}` });
    const namespace = namespaceOf(resource, ctx.defaultNamespace);
    const labels = settings.namespaces?.[namespace];
    for (const mode of MODES) {
      const spec = labels?.[mode];
      if (spec) applied.push({ spec, severity: mode === 'enforce' ? 'error' : 'warning', source: `namespace "${namespace}" has ${LABEL_PREFIX}${mode}: ${spec.level}` });
    }
    if (applied.length === 0) return;
    const pod = podViewOf(resource, kubernetesMinor(ctx.kubernetesVersion));
    if (!pod) return;
    // The same place broken under several levels is reported once, at the strongest severity.
    const seen = new Map<string, { v: Violation; a: Applied }>();
    for (const a of applied) {
      for (const v of evaluatePod(pod, a.spec.level, effectiveMinor(a.spec, ctx.kubernetesVersion))) {
        const key = JSON.stringify([v.path, v.on, v.check, v.detail]);
        const before = seen.get(key);
        if (!before || (before.a.severity !== 'error' && a.severity === 'error')) seen.set(key, { v, a });
      }
    }
    const verb = resource.kind === 'Pod' ? 'violates' : 'would violate';
    for (const { v, a } of seen.values()) {
      yield {
        path: v.path,
        on: v.on,
        messageId: 'violates',
        severity: a.severity,
        data: { verb, policy: policyLabel(a.spec), reason: v.reason, detail: v.detail ? ` (${v.detail})` : '' },
        hint: `${v.hint ? `${v.hint}; ` : ''}${a.source}`,
      };
    }
  },
});

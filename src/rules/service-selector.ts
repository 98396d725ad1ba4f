import { opaqueFactOf, podsFactOf, type OpaqueFact, type PodsFact } from '../k8s/pods.js';
import { PodIndex } from '../k8s/pod-index.js';
import { describeLabels, type LabelMap } from '../k8s/selectors.js';
import { serviceFactOf, type ServiceFact } from '../k8s/services.js';
import { defineRule } from './define-rule.js';

type Fact = ServiceFact | PodsFact | OpaqueFact;

/** How close a pod's labels come to a selector: matching entries first, then shared keys, then similar values. */
function closeness(selector: LabelMap, labels: LabelMap): number {
  let score = 0;
  for (const [key, value] of Object.entries(selector)) {
    const actual = labels[key];
    if (actual === undefined) continue;
    score += actual === value ? 1000 : 100 + sharedCharacters(value, actual);
  }
  return score;
}

/** A cheap similarity: characters in common, order ignored (`app-nginx` vs `nginx-app` scores high). */
function sharedCharacters(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  for (const ch of b) {
    const n = counts.get(ch) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(ch, n - 1);
    }
  }
  return shared;
}

/**
 * The pod whose labels come closest to a selector, or null when no pod here even carries one of
 * the selector's keys: then its pods are most likely defined in files that were not linted, not
 * mislabelled (a value typo keeps the key).
 */
function closestPod(selector: LabelMap, candidates: readonly PodsFact[]): PodsFact | null {
  const keys = Object.keys(selector);
  let best: PodsFact | null = null;
  let bestScore = -1;
  for (const c of candidates) {
    if (!keys.some((k) => k in c.labels)) continue;
    const score = closeness(selector, c.labels);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

export default defineRule<'noMatch', Record<string, unknown>, Fact>({
  id: 'service-selector',
  description: "Warn when a Service's selector matches none of the pods defined alongside it",
  severity: 'warning',
  recommended: true,
  category: 'correctness',
  messages: {
    noMatch: 'Service selector {{selector}} matches no pods in namespace "{{namespace}}" among the linted files; closest: {{candidate}} with {{labels}}',
  },
  collect(resource, ctx) {
    return serviceFactOf(resource, ctx) ?? podsFactOf(resource, ctx.defaultNamespace) ?? opaqueFactOf(resource, ctx.defaultNamespace);
  },
  *crossCheck(facts) {
    const index = new PodIndex(facts.filter((f): f is PodsFact => f.type === 'pods'));
    const opaque = new Set<string>();
    for (const f of facts) if (f.type === 'opaque') opaque.add(f.namespace);
    // Services that share a selector share its closest pod.
    const closest = new Map<string, PodsFact | null>();
    for (const service of facts) {
      if (service.type !== 'service') continue;
      const candidates = index.inNamespace(service.namespace);
      // No pods in sight, or an operator's custom resource that may make them: say nothing rather than guess.
      if (candidates.length === 0 || opaque.has(service.namespace)) continue;
      if (index.selectedBy(service.namespace, service.selector).length > 0) continue;
      const keys = Object.keys(service.selector);
      const memo = JSON.stringify([service.namespace, Object.entries(service.selector).sort()]);
      let best = closest.get(memo);
      if (best === undefined) closest.set(memo, (best = closestPod(service.selector, candidates)));
      if (best === null) continue;
      yield {
        at: service.selectorAt,
        messageId: 'noMatch',
        data: {
          selector: describeLabels(service.selector),
          namespace: service.namespace,
          candidate: best.source,
          labels: describeLabels(best.labels, keys),
        },
        hint: 'a Service sends traffic to the pods whose labels include every selector entry; make the selector and the pod template labels agree',
      };
    }
  },
});

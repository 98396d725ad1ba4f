import type { PodsFact } from './pods.js';
import { mapRequirements, selectorMatches, type LabelMap } from './selectors.js';

/**
 * Pods by namespace and by label, so that finding the pods a Service selects costs the size of the
 * smallest matching label list, not the number of pods: with thousands of Services and workloads in
 * one namespace, the cross-resource checks would otherwise grow with their product.
 */
export class PodIndex {
  private readonly byNamespace = new Map<string, PodsFact[]>();
  private readonly byLabel = new Map<string, PodsFact[]>();
  /** Services are often many with the same selector (one per port set, per environment): answer once. */
  private readonly selections = new Map<string, PodsFact[]>();

  constructor(pods: Iterable<PodsFact>) {
    for (const pod of pods) {
      push(this.byNamespace, pod.namespace, pod);
      for (const [key, value] of Object.entries(pod.labels)) push(this.byLabel, labelKey(pod.namespace, key, value), pod);
    }
  }

  /** Every pod of the namespace, in input order. */
  inNamespace(namespace: string): readonly PodsFact[] {
    return this.byNamespace.get(namespace) ?? [];
  }

  /** The pods of the namespace whose labels include every entry of an equality selector, in input order. */
  selectedBy(namespace: string, selector: LabelMap): readonly PodsFact[] {
    const entries = Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (entries.length === 0) return [];
    const memo = JSON.stringify([namespace, entries]);
    const known = this.selections.get(memo);
    if (known) return known;
    const selected = this.select(namespace, selector, entries);
    this.selections.set(memo, selected);
    return selected;
  }

  private select(namespace: string, selector: LabelMap, entries: readonly [string, string][]): PodsFact[] {
    let smallest: readonly PodsFact[] | undefined;
    for (const [key, value] of entries) {
      const list = this.byLabel.get(labelKey(namespace, key, value));
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    const reqs = mapRequirements(selector, []);
    return smallest!.filter((p) => selectorMatches(reqs, p.labels));
  }
}

function labelKey(namespace: string, key: string, value: string): string {
  // NUL cannot appear in namespaces, label keys or values, so the parts cannot run together.
  return `${namespace}\u0000${key}\u0000${value}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

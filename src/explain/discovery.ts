/**
 * The API as kubectl's discovery sees it: groups in priority order, versions in each group from
 * preferred to least preferred, and the resources of each group-version.
 */
import { GROUP_ORDER } from './api-facts.js';
import type { ApiResource } from './model.js';
import { groupVersionString } from './model.js';

const KUBE_VERSION = /^v(\d+)(?:(alpha|beta)(\d+))?$/;

/**
 * Kubernetes version priority: GA before beta before alpha, then higher major, then higher minor
 * (`v2, v1, v1beta2, v1beta1, v1alpha1`); versions of other shapes after these, alphabetically.
 */
export function compareVersionPriority(a: string, b: string): number {
  const ma = KUBE_VERSION.exec(a);
  const mb = KUBE_VERSION.exec(b);
  if (!ma || !mb) {
    if (ma) return -1;
    if (mb) return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const stability = (m: RegExpExecArray): number => (m[2] === undefined ? 2 : m[2] === 'beta' ? 1 : 0);
  return (
    stability(mb) - stability(ma) ||
    Number(mb[1]) - Number(ma[1]) ||
    Number(mb[3] ?? 0) - Number(ma[3] ?? 0)
  );
}

function compareGroups(a: string, b: string): number {
  const ia = GROUP_ORDER.indexOf(a);
  const ib = GROUP_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface GroupInfo {
  name: string;
  /** Served versions, preferred first. */
  versions: string[];
}

export class Discovery {
  /** Every resource in discovery order: by group, then version (preferred first). */
  readonly resources: readonly ApiResource[];
  readonly groups: readonly GroupInfo[];
  private readonly groupVersions: Set<string>;

  constructor(resources: readonly ApiResource[]) {
    const groups = new Map<string, Set<string>>();
    for (const resource of resources) {
      const versions = groups.get(resource.group) ?? new Set<string>();
      versions.add(resource.version);
      groups.set(resource.group, versions);
    }
    this.groups = [...groups.keys()]
      .sort(compareGroups)
      .map((name) => ({ name, versions: [...(groups.get(name) ?? [])].sort(compareVersionPriority) }));
    const rank = new Map<string, number>();
    for (const group of this.groups) {
      for (const version of group.versions) rank.set(groupVersionString(group.name, version), rank.size);
    }
    const rankOf = (r: ApiResource): number => rank.get(groupVersionString(r.group, r.version)) ?? 0;
    // A stable sort keeps the catalog's order of resources inside one group-version.
    this.resources = [...resources].sort((a, b) => rankOf(a) - rankOf(b));
    this.groupVersions = new Set(rank.keys());
  }

  /** True when the group-version is served (`v1`, `apps/v1`). */
  servesGroupVersion(group: string, version: string): boolean {
    return this.groupVersions.has(groupVersionString(group, version));
  }

  /** The resource with this exact group, version and plural, if served. */
  find(group: string, version: string, plural: string): ApiResource | undefined {
    return this.resources.find((r) => r.group === group && r.version === version && r.plural === plural);
  }

  /**
   * What `kubectl api-resources` lists: each resource of a group once, in the most preferred
   * version that serves it.
   */
  preferredResources(): ApiResource[] {
    const seen = new Set<string>();
    const out: ApiResource[] = [];
    for (const resource of this.resources) {
      const key = `${resource.group}\0${resource.plural}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(resource);
    }
    return out;
  }
}

import type { Resource } from '../types.js';

/** `apps/v1` → `{ group: 'apps', version: 'v1' }`; `v1` → the core group `''`. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** API groups whose kinds the rules know; `extensions` is kept for the old workload kinds. */
const KIND_GROUPS: Record<string, readonly string[]> = {
  Pod: [''],
  PodTemplate: [''],
  ReplicationController: [''],
  Service: [''],
  Namespace: [''],
  Deployment: ['apps', 'extensions'],
  ReplicaSet: ['apps', 'extensions'],
  DaemonSet: ['apps', 'extensions'],
  StatefulSet: ['apps'],
  Job: ['batch'],
  CronJob: ['batch'],
};

/**
 * True when the resource is the built-in kind of that name, not a custom resource that shares it
 * (Volcano's `batch.volcano.sh` Job, for one, has a different shape).
 */
export function isBuiltinKind(resource: Pick<Resource, 'apiVersion' | 'kind'>, kind: string): boolean {
  if (resource.kind !== kind || resource.apiVersion === undefined) return false;
  const groups = KIND_GROUPS[kind];
  return groups !== undefined && groups.includes(splitApiVersion(resource.apiVersion).group);
}

/** Groups served by a Kubernetes API server itself; anything else is a custom resource or an aggregated API. */
export function isBuiltinGroup(group: string): boolean {
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

/** `1.36` → 1036, a number that orders minor versions; NaN for a version it cannot read. */
function minorOf(version: string): number {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? Number(m[1]) * 1000 + Number(m[2]) : Number.NaN;
}

/** True when `version` is `at` or later (`1.36` ≥ `1.16`). */
export function versionAtLeast(version: string, at: string): boolean {
  return minorOf(version) >= minorOf(at);
}

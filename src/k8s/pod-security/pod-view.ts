import type { JsonObject, Path, Resource, Target } from '../../types.js';
import { asObject } from '../values.js';
import { containersOf, podMetadataOf, podSpecOf, type ContainerRef, type Located } from '../workloads.js';

/** A pod (or pod template) as the checks read it: the spec, the pod's metadata, every container. */
export interface PodView {
  spec: Located<JsonObject>;
  /** The pod's own metadata (a template's for workloads), where annotations live. */
  meta: Located<JsonObject> | undefined;
  /** Init, regular and ephemeral containers, in the order the admission controller visits them. */
  containers: ContainerRef[];
  /** Minor version of the API server (binary-level behaviour that no policy version gates). */
  serverMinor: number;
}

/** One thing a check forbids, at one place, worded as the admission controller words it. */
export interface Violation {
  /** The check id (`privileged`, `runAsNonRoot`). */
  check: string;
  /** The admission controller's reason (`privileged`, `runAsNonRoot != true`). */
  reason: string;
  /** Its detail, for this one place (`container "api" must not set securityContext.privileged=true`). */
  detail: string;
  path: Path;
  on: Target;
  /** How to fix it: the securityContext to set. */
  hint?: string;
}

export function podViewOf(resource: Resource, serverMinor: number): PodView | undefined {
  const spec = podSpecOf(resource);
  if (!spec) return undefined;
  const meta = podMetadataOf(resource);
  return { spec: spec as Located<JsonObject>, meta, containers: containersOf(spec), serverMinor };
}

export function securityContextOf(value: { readonly securityContext?: unknown }): JsonObject | undefined {
  return asObject(value.securityContext);
}

/** The value at `keys` under a mapping, or undefined. */
export function dig(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = asObject(current)?.[key];
  return current;
}

export function podSecurityContext(pod: PodView): JsonObject | undefined {
  return asObject(pod.spec.value.securityContext);
}

export function isWindowsPod(pod: PodView): boolean {
  return dig(pod.spec.value, 'os', 'name') === 'windows';
}

/** `hostUsers: false`: the pod runs in a user namespace. */
export function inUserNamespace(pod: PodView): boolean {
  return pod.spec.value.hostUsers === false;
}

/** `container "api"`, as the admission controller names one container. */
export function containerWord(c: ContainerRef): string {
  return `container "${c.name ?? ''}"`;
}

/** Where a finding about a container goes when the field it lacks is not there: its name. */
export function containerAt(c: ContainerRef): { path: Path; on: Target } {
  return c.name !== undefined ? { path: [...c.path, 'name'], on: 'value' } : { path: c.path, on: 'key' };
}

/** Where a finding about the pod goes when a pod-level field is missing: its spec key. */
export function podAt(pod: PodView): { path: Path; on: Target } {
  return { path: pod.spec.path, on: 'key' };
}

/** Go's `%q` for the strings these messages quote. */
export function quote(value: string): string {
  return JSON.stringify(value);
}

/** The text of a scalar as Go would hold it in a string field. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

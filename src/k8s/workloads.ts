import type { Container, PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { JsonObject, Path, Resource } from '../types.js';
import { isBuiltinKind } from './api-version.js';
import { asArray, asObject, type Untrusted } from './values.js';

/** Where each kind keeps the pod template its controller stamps pods from. */
const TEMPLATE_PATHS: Record<string, Path> = {
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

/** Kinds that keep a pod template, and Pod itself: every kind whose pod spec the rules read. */
export const POD_KINDS: readonly string[] = ['Pod', ...Object.keys(TEMPLATE_PATHS)].sort();

/** Controllers that create pods from their template (PodTemplate only stores one). */
export const CONTROLLER_KINDS: readonly string[] = ['CronJob', 'DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

/** Kinds whose pods run to completion rather than forever. */
export const BATCH_KINDS: readonly string[] = ['CronJob', 'Job'];

export interface Located<T> {
  /** The value, checked to be a mapping; its fields are still untrusted. */
  value: T;
  /** Path from the resource root. */
  path: Path;
}

function builtinPodKind(resource: Resource): string | undefined {
  const kind = resource.kind;
  return kind !== undefined && POD_KINDS.includes(kind) && isBuiltinKind(resource, kind) ? kind : undefined;
}

/** The pod template of a built-in workload (not of a Pod). */
export function podTemplateOf(resource: Resource): Located<Untrusted<PodTemplateSpec>> | undefined {
  const kind = builtinPodKind(resource);
  const path = kind ? TEMPLATE_PATHS[kind] : undefined;
  if (!path) return undefined;
  let current: unknown = resource.object;
  for (const key of path) current = asObject(current)?.[key as string];
  const template = asObject(current);
  return template ? { value: template, path } : undefined;
}

/** The pod spec of a Pod or of a built-in workload's template. */
export function podSpecOf(resource: Resource): Located<Untrusted<PodSpec>> | undefined {
  if (builtinPodKind(resource) === 'Pod') {
    const spec = asObject(asObject(resource.object)?.spec);
    return spec ? { value: spec, path: ['spec'] } : undefined;
  }
  const template = podTemplateOf(resource);
  const spec = asObject(template ? template.value.spec : undefined);
  return template && spec ? { value: spec, path: [...template.path, 'spec'] } : undefined;
}

/** Labels the pods get: a Pod's own metadata, or its template's. */
export function podMetadataOf(resource: Resource): Located<JsonObject> | undefined {
  if (builtinPodKind(resource) === 'Pod') {
    const meta = asObject(asObject(resource.object)?.metadata);
    return meta ? { value: meta, path: ['metadata'] } : undefined;
  }
  const template = podTemplateOf(resource);
  const meta = asObject(template ? template.value.metadata : undefined);
  return template && meta ? { value: meta, path: [...template.path, 'metadata'] } : undefined;
}

export type ContainerGroup = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerRef extends Located<Untrusted<Container>> {
  group: ContainerGroup;
  /** The container's name when it is a string, for messages. */
  name: string | undefined;
}

/** Every container of a pod spec, init and ephemeral ones included, skipping entries that are not mappings. */
export function containersOf(spec: Located<Untrusted<PodSpec>>, groups: readonly ContainerGroup[] = ['initContainers', 'containers', 'ephemeralContainers']): ContainerRef[] {
  const out: ContainerRef[] = [];
  for (const group of groups) {
    const list = asArray(spec.value[group]);
    if (!list) continue;
    list.forEach((item, i) => {
      const container = asObject(item);
      if (!container) return;
      const name = typeof container.name === 'string' ? container.name : undefined;
      out.push({ value: container, path: [...spec.path, group, i], group, name });
    });
  }
  return out;
}

/** `metadata.namespace`, or the namespace objects without one land in. */
export function namespaceOf(resource: Resource, defaultNamespace: string): string {
  return resource.namespace ?? defaultNamespace;
}

/** `Deployment web`, for messages that name another resource. */
export function describeResource(resource: Pick<Resource, 'kind' | 'name'>): string {
  return `${resource.kind ?? 'object'} ${resource.name ?? '(unnamed)'}`;
}

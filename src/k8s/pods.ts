import type { Resource } from '../types.js';
import { isBuiltinGroup, splitApiVersion } from './api-version.js';
import { labelMapOf, type LabelMap } from './selectors.js';
import { asArray, asInteger, asObject, asString } from './values.js';
import { CONTROLLER_KINDS, containersOf, describeResource, namespaceOf, podMetadataOf, podSpecOf } from './workloads.js';

export interface DeclaredPort {
  name?: string;
  containerPort: number;
  container?: string;
}

/** What the cross-resource Service rules need to know about pods a resource makes (or is). */
export interface PodsFact {
  type: 'pods';
  namespace: string;
  /** `Deployment web`, for messages. */
  source: string;
  labels: LabelMap;
  ports: DeclaredPort[];
}

/** A custom resource in a namespace: an operator may create pods for it that the input does not show. */
export interface OpaqueFact {
  type: 'opaque';
  namespace: string;
}

/** The pods a Pod or pod-creating workload stands for; PodTemplate objects create none. */
export function podsFactOf(resource: Resource, defaultNamespace: string): PodsFact | undefined {
  const kind = resource.kind;
  if (kind === undefined || (kind !== 'Pod' && !CONTROLLER_KINDS.includes(kind))) return undefined;
  const spec = podSpecOf(resource);
  const meta = podMetadataOf(resource);
  if (!spec && !meta) return undefined;
  const ports: DeclaredPort[] = [];
  if (spec) {
    for (const c of containersOf(spec, ['containers', 'initContainers'])) {
      // Only restartable init containers (sidecars) keep serving after start-up.
      if (c.group === 'initContainers' && c.value.restartPolicy !== 'Always') continue;
      for (const item of asArray(c.value.ports) ?? []) {
        const port = asObject(item);
        const containerPort = asInteger(port?.containerPort);
        if (containerPort === undefined) continue;
        const name = asString(port?.name);
        ports.push({ containerPort, ...(name ? { name } : {}), ...(c.name ? { container: c.name } : {}) });
      }
    }
  }
  return {
    type: 'pods',
    namespace: namespaceOf(resource, defaultNamespace),
    source: describeResource(resource),
    labels: labelMapOf(meta?.value.labels) ?? {},
    ports,
  };
}

/** Field names that give away an object that runs workloads: an operator's Prometheus, a Rollout, a Knative Service. */
const POD_MAKING_KEYS = new Set(['containers', 'image', 'jobTemplate', 'podTemplate', 'replicas', 'template']);

function mentionsPods(value: unknown, depth: number): boolean {
  if (depth > 5) return false;
  if (Array.isArray(value)) return value.some((v) => mentionsPods(v, depth + 1));
  const obj = asObject(value);
  if (!obj) return false;
  for (const key of Object.keys(obj)) if (POD_MAKING_KEYS.has(key) || mentionsPods(obj[key], depth + 1)) return true;
  return false;
}

/**
 * A custom resource whose spec looks like it runs workloads marks its namespace as one where pods
 * may exist that the input does not show. Custom resources that only describe (a ServiceMonitor,
 * a Certificate) do not.
 */
export function opaqueFactOf(resource: Resource, defaultNamespace: string): OpaqueFact | undefined {
  if (!resource.apiVersion || !resource.kind) return undefined;
  if (isBuiltinGroup(splitApiVersion(resource.apiVersion).group)) return undefined;
  return mentionsPods(asObject(resource.object)?.spec, 0) ? { type: 'opaque', namespace: namespaceOf(resource, defaultNamespace) } : undefined;
}

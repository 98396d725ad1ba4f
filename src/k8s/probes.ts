import type { JsonObject, JsonValue, Path } from '../types.js';
import { versionAtLeast } from './api-version.js';
import { asObject } from './values.js';
import type { ContainerRef } from './workloads.js';

/** Handlers that may name a port: the three probes and the two lifecycle hooks. */
const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];

export interface HandlerPort {
  /** `livenessProbe`, `lifecycle.preStop`. */
  handler: string;
  /** The `port` value as written (a number, or a string that should be a port name). */
  port: JsonValue;
  path: Path;
}

/** The `httpGet.port` and `tcpSocket.port` of a container's probes and hooks. */
export function handlerPorts(container: ContainerRef): HandlerPort[] {
  const out: HandlerPort[] = [];
  for (const handlerPath of HANDLERS) {
    let handler: JsonObject | undefined = asObject(container.value);
    for (const key of handlerPath) handler = asObject(handler?.[key]);
    if (!handler) continue;
    for (const action of ['httpGet', 'tcpSocket'] as const) {
      const found = asObject(handler[action]);
      if (!found || !('port' in found)) continue;
      out.push({ handler: handlerPath.join('.'), port: found.port!, path: [...container.path, ...handlerPath, action, 'port'] });
    }
  }
  return out;
}

/**
 * An init container that keeps running beside the others (`restartPolicy: Always`). The field is
 * dropped before validation before 1.29, where the SidecarContainers feature is off by default.
 */
export function isSidecar(container: ContainerRef, kubernetesVersion: string): boolean {
  return container.group === 'initContainers' && container.value.restartPolicy === 'Always' && versionAtLeast(kubernetesVersion, '1.29');
}

import type { Place, Resource, SpanOf } from '../types.js';
import { isBuiltinKind } from './api-version.js';
import { placeOf } from './places.js';
import { labelMapOf, type LabelMap } from './selectors.js';
import { asArray, asObject, asString } from './values.js';
import { describeResource, namespaceOf } from './workloads.js';

export interface ServicePortFact {
  /** `targetPort` as written (a number or a port name), or `port` when it is absent. */
  target: number | string | undefined;
  targetGiven: boolean;
  nodePortGiven: boolean;
  /** Where to report: the targetPort value, or the port value it defaults to. */
  at: Place;
}

/** What the cross-resource Service rules need to know about one Service. */
export interface ServiceFact {
  type: 'service';
  namespace: string;
  name: string;
  serviceType: string;
  selector: LabelMap;
  /** The `selector` key, where a selector that matches nothing is reported. */
  selectorAt: Place;
  ports: ServicePortFact[];
}

/**
 * The facts of a Service with a non-empty selector. Services without one (endpoints managed by hand
 * or by another controller) and ExternalName Services (a DNS alias) select no pods: nothing to check.
 */
export function serviceFactOf(resource: Resource, ctx: SpanOf & { defaultNamespace: string }): ServiceFact | undefined {
  if (!isBuiltinKind(resource, 'Service')) return undefined;
  const spec = asObject(asObject(resource.object)?.spec);
  if (!spec) return undefined;
  const serviceType = asString(spec.type) ?? 'ClusterIP';
  if (serviceType === 'ExternalName') return undefined;
  const selector = labelMapOf(spec.selector);
  if (!selector || Object.keys(selector).length === 0) return undefined;
  const ports: ServicePortFact[] = [];
  asArray(spec.ports)?.forEach((item, i) => {
    const port = asObject(item);
    if (!port) return;
    const targetGiven = port.targetPort !== undefined && port.targetPort !== null;
    const raw = targetGiven ? port.targetPort : port.port;
    const target = typeof raw === 'number' || typeof raw === 'string' ? raw : undefined;
    ports.push({
      target,
      targetGiven,
      nodePortGiven: typeof port.nodePort === 'number' && port.nodePort !== 0,
      at: targetGiven ? placeOf(resource, ctx, ['spec', 'ports', i, 'targetPort'], 'value') : placeOf(resource, ctx, ['spec', 'ports', i, 'port'], 'value'),
    });
  });
  return {
    type: 'service',
    namespace: namespaceOf(resource, ctx.defaultNamespace),
    name: describeResource(resource),
    serviceType,
    selector,
    selectorAt: placeOf(resource, ctx, ['spec', 'selector'], 'key'),
    ports,
  };
}

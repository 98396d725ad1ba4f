/**
 * Custom resources whose CRD version has the status subresource: on create the API server drops
 * their `status` before it validates (apiextensions-apiserver pkg/registry/customresource/
 * strategy.go, PrepareForCreate; PrepareForUpdate keeps the stored status), so neither the schema
 * nor the CEL rules under `status` ever see a manifest's status.
 */
import type { JsonValue } from '../types.js';
import { isObject } from '../parse/resources.js';
import { crdDefinitionName } from './from-crd.js';

/** Definition names (as catalogFromCRD names them) of versions with `subresources.status`. */
export function statusSubresourceDefinitions(crds: readonly JsonValue[]): Set<string> {
  const out = new Set<string>();
  for (const crd of crds) {
    const items = isObject(crd) && Array.isArray(crd.items) ? crd.items : [crd];
    for (const item of items) {
      if (!isObject(item) || !isObject(item.spec)) continue;
      const { spec } = item;
      const kind = isObject(spec.names) ? spec.names.kind : undefined;
      if (typeof spec.group !== 'string' || typeof kind !== 'string') continue;
      const shared = isObject(spec.subresources) && spec.subresources.status !== undefined;
      const versions: JsonValue[] = Array.isArray(spec.versions) ? spec.versions : typeof spec.version === 'string' ? [{ name: spec.version }] : [];
      for (const version of versions) {
        if (!isObject(version) || typeof version.name !== 'string') continue;
        const own = isObject(version.subresources) && version.subresources.status !== undefined;
        if (own || shared) out.add(crdDefinitionName(spec.group, version.name, kind));
      }
    }
  }
  return out;
}

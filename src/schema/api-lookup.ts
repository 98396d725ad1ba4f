/**
 * Decides what an apiVersion/kind pair is: a served resource, a Kubernetes kind asked for in a
 * group-version that does not serve it (an error, with the version to use instead), or a custom
 * resource nobody gave a schema for.
 */
import type { Catalog, ResourceInfo } from './catalog.js';
import { DEPRECATED_APIS, SERVED_GROUPS, stability } from '../k8s/deprecated-apis.js';
import { splitApiVersion } from './catalog-types.js';
import { closestName } from './suggest.js';

export type ApiLookup =
  | { status: 'served'; resource: ResourceInfo }
  | { status: 'not-served'; message: string; hint?: string; on: 'apiVersion' | 'kind' }
  | { status: 'no-schema'; reason: string };

/**
 * API groups of Kubernetes itself whatever the target version: those some bundled minor serves, and
 * those a release served once and removed (`extensions`).
 */
const KUBERNETES_GROUPS: ReadonlySet<string> = new Set([...SERVED_GROUPS, ...DEPRECATED_APIS.map((api) => splitApiVersion(api.apiVersion).group)]);

/**
 * Groups whose kinds are Kubernetes' own, so that a kind the release does not serve there is an
 * error: the groups this catalog serves, the groups another bundled minor serves or a release
 * served once and removed, and dotless
 * groups (a CustomResourceDefinition's group must contain a dot, so nothing else can serve them).
 * Every other group, `*.k8s.io` ones included (Gateway API, volume snapshots, `*.x-k8s.io`), is
 * left to custom resources: checked when their CRD is known, counted as not schema-checked if not.
 */
function isKubernetesGroup(catalog: Catalog, group: string): boolean {
  return group === '' || !group.includes('.') || KUBERNETES_GROUPS.has(group) || catalog.servesGroupName(group);
}

/** The apiVersion to suggest for a kind: same group first, then the most stable version. */
function preferred(candidates: ResourceInfo[], group: string): ResourceInfo | undefined {
  return [...candidates].sort((a, b) => Number(b.group === group) - Number(a.group === group) || stability(b.version) - stability(a.version))[0];
}

export function lookupApi(catalog: Catalog, apiVersion: string, kind: string, servedBy: string, crdGroups: ReadonlySet<string>): ApiLookup {
  const resource = catalog.findResource(apiVersion, kind);
  if (resource) return { status: 'served', resource };
  const { group } = splitApiVersion(apiVersion);
  const known = isKubernetesGroup(catalog, group) || crdGroups.has(group);
  const sameKind = catalog.resourcesOfKind(kind).filter((r) => isKubernetesGroup(catalog, r.group) || r.group === group);
  const where = crdGroups.has(group) ? 'its CustomResourceDefinition' : servedBy;
  if (known && sameKind.length > 0) {
    const best = preferred(sameKind, group);
    return { status: 'not-served', on: 'apiVersion', message: `${apiVersion} ${kind} is not served by ${where}; use ${best?.apiVersion ?? ''}` };
  }
  if (known) {
    const kindsHere = catalog.resources.filter((r) => r.group === group).map((r) => r.kind);
    const kinds = kindsHere.length > 0 ? kindsHere : catalog.resources.filter((r) => isKubernetesGroup(catalog, r.group)).map((r) => r.kind);
    const suggestion = closestName(kind, [...new Set(kinds)]);
    if (suggestion) {
      const target = preferred(catalog.resourcesOfKind(suggestion), group);
      return { status: 'not-served', on: 'kind', message: `${apiVersion} ${kind} is not served by ${where}`, hint: `did you mean ${target && target.apiVersion !== apiVersion ? `${target.apiVersion} ` : ''}${suggestion}?` };
    }
    return { status: 'not-served', on: catalog.servesGroup(apiVersion) || group === '' ? 'kind' : 'apiVersion', message: `${apiVersion} ${kind} is not served by ${where}` };
  }
  return { status: 'no-schema', reason: `no schema for ${apiVersion} ${kind} (a custom resource without its CustomResourceDefinition)` };
}

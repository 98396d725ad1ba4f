/**
 * Built-in API versions that Kubernetes deprecated or stopped serving, per kind, with the version to
 * move to. Which bundled minors serve a kind comes from the catalogs (`served-apis.ts`, generated from
 * schemas/); this table holds only what the catalogs cannot say: `deprecatedIn`, the release whose
 * API server first warned (facts from the Kubernetes deprecated API migration guide and release
 * notes; alpha versions carry no deprecation period, so for them it is the release that dropped
 * them), the replacement to name, and the release that stopped serving a version where the
 * catalogs cannot tell it: before the oldest bundled minor, or in a minor that is not bundled.
 */
import { BUNDLED_MINORS, SERVED_BY } from './served-apis.js';

export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  deprecatedIn: string;
  /** The first release that no longer serves it. */
  removedIn: string;
  /** Where `removedIn` comes from: derived from the bundled catalogs, or written in this table. */
  removalFrom: 'catalogs' | 'table';
  /** `apiVersion` to use instead, or a sentence when there is no direct successor. */
  replacement: string;
  /** True when `replacement` is prose, not an apiVersion. */
  noDirectReplacement?: boolean;
}

type Row = [apiVersion: string, kinds: readonly string[], deprecatedIn: string, replacement: string, removedIn?: string];

/** The hand-written rows (exported for the tests that keep them to what the catalogs cannot say). */
export const ROWS: readonly Row[] = [
  // Removed in 1.16: the pre-apps/v1 workload versions.
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.8', 'apps/v1', '1.16'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.9', 'networking.k8s.io/v1', '1.16'],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], '1.8', 'apps/v1', '1.16'],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.9', 'apps/v1', '1.16'],
  // Removed in 1.22.
  ['extensions/v1beta1', ['Ingress'], '1.14', 'networking.k8s.io/v1', '1.22'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', 'networking.k8s.io/v1', '1.22'],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', 'admissionregistration.k8s.io/v1', '1.22'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', 'apiextensions.k8s.io/v1', '1.22'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', 'apiregistration.k8s.io/v1', '1.22'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', 'authentication.k8s.io/v1', '1.22'],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.19', 'authorization.k8s.io/v1', '1.22'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', 'certificates.k8s.io/v1', '1.22'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.19', 'coordination.k8s.io/v1', '1.22'],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', 'rbac.authorization.k8s.io/v1', '1.22'],
  ['rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', 'rbac.authorization.k8s.io/v1', '1.22'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', 'scheduling.k8s.io/v1', '1.22'],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'StorageClass', 'VolumeAttachment'], '1.19', 'storage.k8s.io/v1', '1.22'],
  ['storage.k8s.io/v1beta1', ['CSINode'], '1.17', 'storage.k8s.io/v1', '1.22'],
  // Removed in 1.25.
  ['batch/v1beta1', ['CronJob'], '1.21', 'batch/v1', '1.25'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', 'discovery.k8s.io/v1', '1.25'],
  ['events.k8s.io/v1beta1', ['Event'], '1.19', 'events.k8s.io/v1', '1.25'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', 'autoscaling/v2', '1.25'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.21', 'policy/v1', '1.25'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.20', 'node.k8s.io/v1', '1.25'],
  // Removed in 1.26, 1.27, 1.29 and 1.32.
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', 'autoscaling/v2', '1.26'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', 'flowcontrol.apiserver.k8s.io/v1', '1.26'],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', 'storage.k8s.io/v1', '1.27'],
  // From 1.29 on the catalogs tell the removal release, except across a minor that is not bundled.
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1', '1.32'],
  // Dynamic resource allocation: the first alpha was replaced by structured parameters in 1.31,
  // whose alpha (all but DeviceTaintRule) went when resource.k8s.io/v1 came in 1.34.
  ['resource.k8s.io/v1alpha2', ['ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], '1.31', 'resource.k8s.io/v1', '1.31'],
  ['resource.k8s.io/v1alpha2', ['ResourceClass'], '1.31', 'resource.k8s.io/v1 DeviceClass', '1.31'],
  ['resource.k8s.io/v1alpha3', ['DeviceClass', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], '1.34', 'resource.k8s.io/v1'],
];

const PSA = 'Pod Security Admission (namespace labels pod-security.kubernetes.io/*) replaces it';

/** Kinds retired without a successor object. */
export const NO_SUCCESSOR: readonly Omit<DeprecatedApi, 'removalFrom'>[] = [
  {
    apiVersion: 'extensions/v1beta1',
    kind: 'PodSecurityPolicy',
    deprecatedIn: '1.10',
    removedIn: '1.16',
    replacement: `policy/v1beta1 served PodSecurityPolicy until 1.24, and no version does since 1.25: ${PSA}`,
    noDirectReplacement: true,
  },
  { apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', deprecatedIn: '1.21', removedIn: '1.25', replacement: PSA, noDirectReplacement: true },
  {
    apiVersion: 'admissionregistration.k8s.io/v1alpha1',
    kind: 'InitializerConfiguration',
    deprecatedIn: '1.14',
    removedIn: '1.14',
    replacement: 'initializers were dropped; a mutating admission webhook (admissionregistration.k8s.io/v1 MutatingWebhookConfiguration) does the job',
    noDirectReplacement: true,
  },
  {
    apiVersion: 'resource.k8s.io/v1alpha2',
    kind: 'PodSchedulingContext',
    deprecatedIn: '1.31',
    removedIn: '1.31',
    replacement: 'the scheduler now allocates devices itself from structured resource.k8s.io/v1 ResourceClaims',
    noDirectReplacement: true,
  },
];

const key = (apiVersion: string, kind: string): string => `${apiVersion} ${kind}`;

/** `1.31.4`, `v1.31` → `1.31`. */
function minorOf(version: string): string {
  const m = /^v?(\d+)\.(\d+)/.exec(version.trim());
  return m ? `${m[1]}.${m[2]}` : version;
}

/** Whether a bundled minor serves `apiVersion Kind`; undefined for a minor that is not bundled. */
export function servedIn(apiVersion: string, kind: string, version: string): boolean | undefined {
  const minor = minorOf(version);
  if (!BUNDLED_MINORS.includes(minor)) return undefined;
  const served = SERVED_BY[key(apiVersion, kind)];
  return served !== undefined && (served === '*' || served.split(' ').includes(minor));
}

/**
 * The release that stopped serving `apiVersion Kind`, when the catalogs tell it: the minor right
 * after the last bundled minor that serves it, if that minor is bundled too.
 */
export function removalFromCatalogs(apiVersion: string, kind: string): string | undefined {
  const served = SERVED_BY[key(apiVersion, kind)];
  if (served === undefined || served === '*') return undefined;
  const last = served.split(' ').at(-1) ?? '';
  const [major, minor] = last.split('.').map(Number);
  const next = `${major}.${(minor ?? 0) + 1}`;
  return BUNDLED_MINORS.includes(next) && !served.split(' ').includes(next) ? next : undefined;
}

function entry(apiVersion: string, kind: string, deprecatedIn: string, replacement: string, removedIn: string | undefined): DeprecatedApi {
  const derived = removalFromCatalogs(apiVersion, kind);
  // The table's release is used only where the catalogs cannot tell; the tests keep it that way.
  return { apiVersion, kind, deprecatedIn, replacement, removedIn: derived ?? removedIn ?? '', removalFrom: derived !== undefined ? 'catalogs' : 'table' };
}

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  ...ROWS.flatMap(([apiVersion, kinds, deprecatedIn, replacement, removedIn]) => kinds.map((kind) => entry(apiVersion, kind, deprecatedIn, replacement, removedIn))),
  ...NO_SUCCESSOR.map((d) => ({ ...entry(d.apiVersion, d.kind, d.deprecatedIn, d.replacement, d.removedIn), noDirectReplacement: true })),
];

/** Groups some bundled minor serves: Kubernetes' own, whatever the target version. */
export const SERVED_GROUPS: ReadonlySet<string> = new Set(Object.keys(SERVED_BY).map((k) => groupOf(k.split(' ')[0] ?? '')));

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

const BY_GVK = new Map(DEPRECATED_APIS.map((d) => [key(d.apiVersion, d.kind), d]));

export function deprecatedApiOf(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return BY_GVK.get(key(apiVersion, kind));
}

/** GA before beta before alpha, then newer before older (v2 before v1). */
export function stability(version: string): number {
  const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(version);
  if (!m) return 0;
  const level = m[2] === undefined ? 3 : m[2] === 'beta' ? 2 : 1;
  return level * 1_000_000 + Number(m[1]) * 1000 + Number(m[3] ?? 0);
}

/**
 * The replacement to name for a target version: the table's, when that version serves it (or is
 * not bundled); else the most stable version of the same group that serves the kind there
 * (resource.k8s.io/v1 came in 1.34; 1.32 is told resource.k8s.io/v1beta1).
 */
export function replacementAt(api: DeprecatedApi, version: string): string {
  if (api.noDirectReplacement) return api.replacement;
  const [apiVersion = '', kind = api.kind] = api.replacement.split(' ');
  if (servedIn(apiVersion, kind, version) !== false) return api.replacement;
  const group = groupOf(apiVersion);
  const candidates = Object.keys(SERVED_BY)
    .map((k) => k.split(' '))
    .filter(([v, k]) => k === kind && v !== undefined && groupOf(v) === group && v !== api.apiVersion && servedIn(v, kind, version) === true)
    .map(([v]) => v ?? '')
    .sort((a, b) => stability(b.slice(b.indexOf('/') + 1)) - stability(a.slice(a.indexOf('/') + 1)));
  const best = candidates[0];
  if (best === undefined) return api.replacement;
  return kind === api.kind ? best : `${best} ${kind}`;
}

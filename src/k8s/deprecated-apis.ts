/**
 * Built-in API versions that Kubernetes deprecated or stopped serving, per kind, with the version to
 * move to. Facts from the Kubernetes deprecated API migration guide and release notes; `deprecatedIn`
 * is the release whose API server first warned, `removedIn` the first release that no longer serves it.
 * Alpha versions carry no deprecation period: for them both are the release that dropped them.
 */
export interface DeprecatedApi {
  apiVersion: string;
  kind: string;
  deprecatedIn: string;
  removedIn: string;
  /** `apiVersion` to use instead, or a sentence when there is no direct successor. */
  replacement: string;
  /** True when `replacement` is prose, not an apiVersion. */
  noDirectReplacement?: boolean;
}

type Row = [apiVersion: string, kinds: readonly string[], deprecatedIn: string, removedIn: string, replacement: string];

const ROWS: readonly Row[] = [
  // Removed in 1.16: the pre-apps/v1 workload versions.
  ['extensions/v1beta1', ['Deployment', 'DaemonSet', 'ReplicaSet'], '1.8', '1.16', 'apps/v1'],
  ['extensions/v1beta1', ['NetworkPolicy'], '1.9', '1.16', 'networking.k8s.io/v1'],
  ['apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], '1.8', '1.16', 'apps/v1'],
  ['apps/v1beta2', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ControllerRevision'], '1.9', '1.16', 'apps/v1'],
  // Removed in 1.22.
  ['extensions/v1beta1', ['Ingress'], '1.14', '1.22', 'networking.k8s.io/v1'],
  ['networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.19', '1.22', 'networking.k8s.io/v1'],
  ['admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.16', '1.22', 'admissionregistration.k8s.io/v1'],
  ['apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.16', '1.22', 'apiextensions.k8s.io/v1'],
  ['apiregistration.k8s.io/v1beta1', ['APIService'], '1.19', '1.22', 'apiregistration.k8s.io/v1'],
  ['authentication.k8s.io/v1beta1', ['TokenReview'], '1.19', '1.22', 'authentication.k8s.io/v1'],
  ['authorization.k8s.io/v1beta1', ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'], '1.19', '1.22', 'authorization.k8s.io/v1'],
  ['certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.19', '1.22', 'certificates.k8s.io/v1'],
  ['coordination.k8s.io/v1beta1', ['Lease'], '1.19', '1.22', 'coordination.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['rbac.authorization.k8s.io/v1alpha1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.17', '1.22', 'rbac.authorization.k8s.io/v1'],
  ['scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.14', '1.22', 'scheduling.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIDriver', 'StorageClass', 'VolumeAttachment'], '1.19', '1.22', 'storage.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSINode'], '1.17', '1.22', 'storage.k8s.io/v1'],
  // Removed in 1.25.
  ['batch/v1beta1', ['CronJob'], '1.21', '1.25', 'batch/v1'],
  ['discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.21', '1.25', 'discovery.k8s.io/v1'],
  ['events.k8s.io/v1beta1', ['Event'], '1.19', '1.25', 'events.k8s.io/v1'],
  ['autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.22', '1.25', 'autoscaling/v2'],
  ['policy/v1beta1', ['PodDisruptionBudget'], '1.21', '1.25', 'policy/v1'],
  ['node.k8s.io/v1beta1', ['RuntimeClass'], '1.20', '1.25', 'node.k8s.io/v1'],
  // Removed in 1.26, 1.27, 1.29 and 1.32.
  ['autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.23', '1.26', 'autoscaling/v2'],
  ['flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema', 'PriorityLevelConfiguration'], '1.23', '1.26', 'flowcontrol.apiserver.k8s.io/v1'],
  ['storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.24', '1.27', 'storage.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema', 'PriorityLevelConfiguration'], '1.26', '1.29', 'flowcontrol.apiserver.k8s.io/v1'],
  ['flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema', 'PriorityLevelConfiguration'], '1.29', '1.32', 'flowcontrol.apiserver.k8s.io/v1'],
  // Dynamic resource allocation: the first alpha was replaced by structured parameters in 1.31.
  ['resource.k8s.io/v1alpha2', ['ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'], '1.31', '1.31', 'resource.k8s.io/v1'],
  ['resource.k8s.io/v1alpha2', ['ResourceClass'], '1.31', '1.31', 'resource.k8s.io/v1 DeviceClass'],
];

const PSA = 'Pod Security Admission (namespace labels pod-security.kubernetes.io/*) replaces it';

/** Kinds retired without a successor object. */
const NO_SUCCESSOR: readonly DeprecatedApi[] = [
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

export const DEPRECATED_APIS: readonly DeprecatedApi[] = [
  ...ROWS.flatMap(([apiVersion, kinds, deprecatedIn, removedIn, replacement]) =>
    kinds.map((kind) => ({ apiVersion, kind, deprecatedIn, removedIn, replacement })),
  ),
  ...NO_SUCCESSOR,
];

const BY_GVK = new Map(DEPRECATED_APIS.map((d) => [`${d.apiVersion} ${d.kind}`, d]));

export function deprecatedApiOf(apiVersion: string, kind: string): DeprecatedApi | undefined {
  return BY_GVK.get(`${apiVersion} ${kind}`);
}

/**
 * Facts about the Kubernetes API that discovery serves but the OpenAPI documents do not carry:
 * the order of API groups, short names, categories and the resources with fewer verbs than usual.
 * Keys are `plural` for the core group and `plural.group` otherwise (kubectl's GroupResource form).
 */

/**
 * API groups in the order the API server lists them in discovery (by group priority, then name).
 * kubectl prefers earlier groups when a name matches resources in several groups (`events`).
 * Groups not listed here (custom resources) come after these, by name.
 */
export const GROUP_ORDER: readonly string[] = [
  '',
  'apiregistration.k8s.io',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io',
  'internal.apiserver.k8s.io',
  'resource.k8s.io',
  'storagemigration.k8s.io',
];

export const SHORT_NAMES: Readonly<Record<string, readonly string[]>> = {
  componentstatuses: ['cs'],
  configmaps: ['cm'],
  endpoints: ['ep'],
  events: ['ev'],
  limitranges: ['limits'],
  namespaces: ['ns'],
  nodes: ['no'],
  persistentvolumeclaims: ['pvc'],
  persistentvolumes: ['pv'],
  pods: ['po'],
  replicationcontrollers: ['rc'],
  resourcequotas: ['quota'],
  serviceaccounts: ['sa'],
  services: ['svc'],
  'customresourcedefinitions.apiextensions.k8s.io': ['crd', 'crds'],
  'daemonsets.apps': ['ds'],
  'deployments.apps': ['deploy'],
  'replicasets.apps': ['rs'],
  'statefulsets.apps': ['sts'],
  'horizontalpodautoscalers.autoscaling': ['hpa'],
  'cronjobs.batch': ['cj'],
  'certificatesigningrequests.certificates.k8s.io': ['csr'],
  'events.events.k8s.io': ['ev'],
  'ingresses.networking.k8s.io': ['ing'],
  'ipaddresses.networking.k8s.io': ['ip'],
  'networkpolicies.networking.k8s.io': ['netpol'],
  'poddisruptionbudgets.policy': ['pdb'],
  'priorityclasses.scheduling.k8s.io': ['pc'],
  'storageclasses.storage.k8s.io': ['sc'],
  'volumeattributesclasses.storage.k8s.io': ['vac'],
};

export const CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  pods: ['all'],
  replicationcontrollers: ['all'],
  services: ['all'],
  'daemonsets.apps': ['all'],
  'deployments.apps': ['all'],
  'replicasets.apps': ['all'],
  'statefulsets.apps': ['all'],
  'horizontalpodautoscalers.autoscaling': ['all'],
  'cronjobs.batch': ['all'],
  'jobs.batch': ['all'],
  'mutatingadmissionpolicies.admissionregistration.k8s.io': ['api-extensions'],
  'mutatingadmissionpolicybindings.admissionregistration.k8s.io': ['api-extensions'],
  'mutatingwebhookconfigurations.admissionregistration.k8s.io': ['api-extensions'],
  'validatingadmissionpolicies.admissionregistration.k8s.io': ['api-extensions'],
  'validatingadmissionpolicybindings.admissionregistration.k8s.io': ['api-extensions'],
  'validatingwebhookconfigurations.admissionregistration.k8s.io': ['api-extensions'],
  'customresourcedefinitions.apiextensions.k8s.io': ['api-extensions'],
  'apiservices.apiregistration.k8s.io': ['api-extensions'],
};

/** What most resources support; discovery lists verbs sorted. */
export const STANDARD_VERBS: readonly string[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Resources that support fewer verbs than the standard set. */
export const LIMITED_VERBS: Readonly<Record<string, readonly string[]>> = {
  bindings: ['create'],
  componentstatuses: ['get', 'list'],
  namespaces: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  'selfsubjectreviews.authentication.k8s.io': ['create'],
  'tokenreviews.authentication.k8s.io': ['create'],
  'localsubjectaccessreviews.authorization.k8s.io': ['create'],
  'selfsubjectaccessreviews.authorization.k8s.io': ['create'],
  'selfsubjectrulesreviews.authorization.k8s.io': ['create'],
  'subjectaccessreviews.authorization.k8s.io': ['create'],
};

/** `plural` or `plural.group`: how kubectl names a resource across groups. */
export function groupResourceKey(group: string, plural: string): string {
  return group === '' ? plural : `${plural}.${group}`;
}

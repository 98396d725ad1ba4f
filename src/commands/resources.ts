/**
 * Built-in resource types a kubectl 1.32 client sees on a stock cluster (`kubectl api-resources`
 * without add-ons): plural, singular, kind and short names. Used to recognise `TYPE` arguments
 * and to suggest a near miss; anything not listed may be a custom resource and is left alone.
 */

// plural singular Kind shortnames(comma-separated)
const TABLE = `
bindings binding Binding
componentstatuses componentstatus ComponentStatus cs
configmaps configmap ConfigMap cm
endpoints endpoints Endpoints ep
events event Event ev
limitranges limitrange LimitRange limits
namespaces namespace Namespace ns
nodes node Node no
persistentvolumeclaims persistentvolumeclaim PersistentVolumeClaim pvc
persistentvolumes persistentvolume PersistentVolume pv
pods pod Pod po
podtemplates podtemplate PodTemplate
replicationcontrollers replicationcontroller ReplicationController rc
resourcequotas resourcequota ResourceQuota quota
secrets secret Secret
serviceaccounts serviceaccount ServiceAccount sa
services service Service svc
mutatingwebhookconfigurations mutatingwebhookconfiguration MutatingWebhookConfiguration
validatingadmissionpolicies validatingadmissionpolicy ValidatingAdmissionPolicy
validatingadmissionpolicybindings validatingadmissionpolicybinding ValidatingAdmissionPolicyBinding
validatingwebhookconfigurations validatingwebhookconfiguration ValidatingWebhookConfiguration
customresourcedefinitions customresourcedefinition CustomResourceDefinition crd,crds
apiservices apiservice APIService
controllerrevisions controllerrevision ControllerRevision
daemonsets daemonset DaemonSet ds
deployments deployment Deployment deploy
replicasets replicaset ReplicaSet rs
statefulsets statefulset StatefulSet sts
selfsubjectreviews selfsubjectreview SelfSubjectReview
tokenreviews tokenreview TokenReview
localsubjectaccessreviews localsubjectaccessreview LocalSubjectAccessReview
selfsubjectaccessreviews selfsubjectaccessreview SelfSubjectAccessReview
selfsubjectrulesreviews selfsubjectrulesreview SelfSubjectRulesReview
subjectaccessreviews subjectaccessreview SubjectAccessReview
horizontalpodautoscalers horizontalpodautoscaler HorizontalPodAutoscaler hpa
cronjobs cronjob CronJob cj
jobs job Job
certificatesigningrequests certificatesigningrequest CertificateSigningRequest csr
leases lease Lease
endpointslices endpointslice EndpointSlice
flowschemas flowschema FlowSchema
prioritylevelconfigurations prioritylevelconfiguration PriorityLevelConfiguration
ingressclasses ingressclass IngressClass
ingresses ingress Ingress ing
networkpolicies networkpolicy NetworkPolicy netpol
runtimeclasses runtimeclass RuntimeClass
poddisruptionbudgets poddisruptionbudget PodDisruptionBudget pdb
clusterrolebindings clusterrolebinding ClusterRoleBinding
clusterroles clusterrole ClusterRole
rolebindings rolebinding RoleBinding
roles role Role
priorityclasses priorityclass PriorityClass pc
csidrivers csidriver CSIDriver
csinodes csinode CSINode
csistoragecapacities csistoragecapacity CSIStorageCapacity
storageclasses storageclass StorageClass sc
volumeattachments volumeattachment VolumeAttachment
`;

export interface ResourceType {
  plural: string;
  singular: string;
  kind: string;
  shortNames: string[];
}

export const RESOURCE_TYPES: readonly ResourceType[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [plural = '', singular = '', kind = '', shorts] = line.trim().split(/\s+/);
    return { plural, singular, kind, shortNames: shorts ? shorts.split(',') : [] };
  });

/** Every accepted spelling, lower-cased (kubectl matches resource arguments case-insensitively). */
const NAMES = new Map<string, ResourceType>();
for (const type of RESOURCE_TYPES) {
  for (const name of [type.plural, type.singular, type.kind.toLowerCase(), ...type.shortNames]) NAMES.set(name, type);
}

export function resourceType(name: string): ResourceType | undefined {
  return NAMES.get(name.toLowerCase());
}

/** All spellings, for did-you-mean; `all` is accepted by get/delete/describe as a category. */
const ALL_NAMES: readonly string[] = [...NAMES.keys(), 'all'];

export function resourceNames(): readonly string[] {
  return ALL_NAMES;
}

import type { NameSyntax } from './names.js';

/**
 * Which syntax the API server requires of `metadata.name`, per built-in kind (group-qualified where the
 * kind name alone is ambiguous). Kinds not listed are not checked: custom resources and rarely written
 * kinds get the benefit of the doubt.
 */
export const NAME_SYNTAX: Record<string, NameSyntax> = {
  // DNS-1035: the name becomes a DNS label that must not start with a digit.
  Service: 'dns1035Label',
  // DNS-1123 labels.
  Namespace: 'dns1123Label',
  // Path segments: RBAC names such as "system:controller:foo" are valid.
  Role: 'pathSegment',
  ClusterRole: 'pathSegment',
  RoleBinding: 'pathSegment',
  ClusterRoleBinding: 'pathSegment',
  // DNS-1123 subdomains: most kinds.
  ConfigMap: 'dns1123Subdomain',
  CronJob: 'dns1123Subdomain',
  CustomResourceDefinition: 'dns1123Subdomain',
  DaemonSet: 'dns1123Subdomain',
  Deployment: 'dns1123Subdomain',
  HorizontalPodAutoscaler: 'dns1123Subdomain',
  Ingress: 'dns1123Subdomain',
  IngressClass: 'dns1123Subdomain',
  Job: 'dns1123Subdomain',
  LimitRange: 'dns1123Subdomain',
  NetworkPolicy: 'dns1123Subdomain',
  PersistentVolume: 'dns1123Subdomain',
  PersistentVolumeClaim: 'dns1123Subdomain',
  Pod: 'dns1123Subdomain',
  PodDisruptionBudget: 'dns1123Subdomain',
  PodTemplate: 'dns1123Subdomain',
  PriorityClass: 'dns1123Subdomain',
  ReplicaSet: 'dns1123Subdomain',
  ReplicationController: 'dns1123Subdomain',
  ResourceQuota: 'dns1123Subdomain',
  Secret: 'dns1123Subdomain',
  ServiceAccount: 'dns1123Subdomain',
  StatefulSet: 'dns1123Subdomain',
  StorageClass: 'dns1123Subdomain',
};

/** Extra length limits some controllers impose because they build other names from this one. */
export const NAME_MAX_LENGTH: Record<string, { max: number; why: string }> = {
  // The Job name gets an 11-character suffix (`-` and a timestamp in minutes).
  CronJob: { max: 52, why: 'the Jobs it creates append an 11-character suffix' },
};

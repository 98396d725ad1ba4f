import type { Rule, RuleMeta } from './define-rule.js';
import { parseRules } from './parse-rules.js';
import { commandRuleMetas, schemaRuleMetas, suppressionRuleMetas } from './stage-rules.js';
import containerImage from './container-image.js';
import containerPorts from './container-ports.js';
import containerProbes from './container-probes.js';
import containerResources from './container-resources.js';
import cronjobSchedule from './cronjob-schedule.js';
import deprecatedApi from './deprecated-api.js';
import envSecretLiteral from './env-secret-literal.js';
import envVars from './env-vars.js';
import hostNetworkPorts from './host-network-ports.js';
import imageRegistry from './image-registry.js';
import imageTag from './image-tag.js';
import labelSyntax from './label-syntax.js';
import metadataName from './metadata-name.js';
import netRawCapability from './net-raw-capability.js';
import nodeportRange from './nodeport-range.js';
import nodeportTargetPort from './nodeport-target-port.js';
import nodeportType from './nodeport-type.js';
import nodeportUnique from './nodeport-unique.js';
import podSecurity from './pod-security.js';
import probeHandler from './probe-handler.js';
import probePort from './probe-port.js';
import probeSettings from './probe-settings.js';
import rbacClusterAdmin from './rbac-cluster-admin.js';
import rbacSensitiveAccess from './rbac-sensitive-access.js';
import rbacWildcard from './rbac-wildcard.js';
import requiredFields from './required-fields.js';
import resourceRequests from './resource-requests.js';
import restartPolicy from './restart-policy.js';
import rollingUpdate from './rolling-update.js';
import sensitiveHostMount from './sensitive-host-mount.js';
import serviceAccountToken from './service-account-token.js';
import servicePorts from './service-ports.js';
import serviceSelector from './service-selector.js';
import serviceTargetPort from './service-target-port.js';
import volumeMounts from './volume-mounts.js';
import volumeNames from './volume-names.js';
import volumeSource from './volume-source.js';
import workloadSelector from './workload-selector.js';
import writableRootFilesystem from './writable-root-filesystem.js';

/** Rules that look at resources, sorted by id. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const resourceRules: readonly Rule<string, any, any>[] = [
  containerImage,
  containerPorts,
  containerProbes,
  containerResources,
  cronjobSchedule,
  deprecatedApi,
  envSecretLiteral,
  envVars,
  hostNetworkPorts,
  imageRegistry,
  imageTag,
  labelSyntax,
  metadataName,
  netRawCapability,
  nodeportRange,
  nodeportTargetPort,
  nodeportType,
  nodeportUnique,
  podSecurity,
  probeHandler,
  probePort,
  probeSettings,
  rbacClusterAdmin,
  rbacSensitiveAccess,
  rbacWildcard,
  requiredFields,
  resourceRequests,
  restartPolicy,
  rollingUpdate,
  sensitiveHostMount,
  serviceAccountToken,
  servicePorts,
  serviceSelector,
  serviceTargetPort,
  volumeMounts,
  volumeNames,
  volumeSource,
  workloadSelector,
  writableRootFilesystem,
];

/** Every check with an id, from every stage, sorted by id: the single list behind `k8s-lint rules`. */
export function allRuleMetas(): RuleMeta[] {
  return [...parseRules, ...commandRuleMetas, ...schemaRuleMetas, ...suppressionRuleMetas, ...resourceRules].sort((a, b) => a.id.localeCompare(b.id));
}

export function findRuleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas().find((r) => r.id === id);
}

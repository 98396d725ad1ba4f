/**
 * Configuration files of Kubernetes tools that look like API objects (`apiVersion`, `kind`) but are
 * read by the tool itself, never sent to the API server: kubeadm, kubelet and kube-proxy
 * configurations, the API server's encryption, admission and audit files, kind clusters, kustomize
 * files, kubeconfigs. They have no `metadata.name` and no served API to check against, so linting
 * them as objects gives only false errors; they are skipped and counted in the summary.
 */
import type { JsonValue } from '../types.js';
import { isObject } from './resources.js';

/** API groups that only configuration files use, with the tool that reads them. */
const CONFIG_GROUPS: Readonly<Record<string, string>> = {
  'apiserver.config.k8s.io': 'kube-apiserver',
  'apiserver.k8s.io': 'kube-apiserver',
  'audit.k8s.io': 'kube-apiserver audit',
  'client.authentication.k8s.io': 'client-go credential plugin',
  'clusterctl.cluster.x-k8s.io': 'clusterctl',
  'credentialprovider.kubelet.k8s.io': 'kubelet credential provider',
  'eventratelimit.admission.k8s.io': 'kube-apiserver EventRateLimit',
  'k3d.io': 'k3d',
  'kind.x-k8s.io': 'kind',
  'kubeadm.k8s.io': 'kubeadm',
  'kubecontrollermanager.config.k8s.io': 'kube-controller-manager',
  'kubelet.config.k8s.io': 'kubelet',
  'kubeproxy.config.k8s.io': 'kube-proxy',
  'kubescheduler.config.k8s.io': 'kube-scheduler',
  'kustomize.config.k8s.io': 'Kustomize',
  'pod-security.admission.config.k8s.io': 'kube-apiserver PodSecurity',
};

/**
 * What a document is when it is a tool's configuration file (`kubeadm ClusterConfiguration`,
 * `kubeconfig`), or undefined for anything else.
 */
export function configFileOf(value: JsonValue | undefined): string | undefined {
  if (!isObject(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return undefined;
  const { apiVersion, kind } = value;
  // A kubeconfig: `kind: Config` in the core version, which serves no such kind.
  if (apiVersion === 'v1' && kind === 'Config') return 'kubeconfig';
  // The scheduler's policy file (`--policy-config-file`, read until kube-scheduler 1.23).
  if (apiVersion === 'v1' && kind === 'Policy') return 'kube-scheduler Policy';
  if (/^skaffold\/v\d/.test(apiVersion)) return `Skaffold ${kind}`;
  const slash = apiVersion.indexOf('/');
  const tool = slash > 0 ? CONFIG_GROUPS[apiVersion.slice(0, slash)] : undefined;
  return tool === undefined ? undefined : `${tool} ${kind}`;
}

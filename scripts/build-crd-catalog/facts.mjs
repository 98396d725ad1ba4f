/**
 * What the packages do not carry: which package is which ecosystem, and the resource names and
 * scope of each kind (the `+kubebuilder:resource` markers of the Go types, which the generated
 * declarations drop). Plurals follow kubebuilder's rule (lower-case kind, English plural) unless
 * listed; kinds are namespaced unless listed as cluster-scoped.
 */

/** Catalog file id → npm package, in build order (an earlier package wins a kind both define). */
export const ECOSYSTEMS = [
  { id: 'argo-cd', package: '@kubernetes-models/argo-cd' },
  { id: 'argo-rollouts', package: '@kubernetes-models/argo-rollouts' },
  // Argo Workflows installs minimal CRDs: spec and status keep unknown fields (manifests/base/crds/minimal).
  { id: 'argo-workflows', package: '@kubernetes-models/argo-workflows', openSpec: true },
  { id: 'cert-manager', package: '@kubernetes-models/cert-manager' },
  { id: 'external-secrets', package: '@kubernetes-models/external-secrets' },
  { id: 'flux-cd', package: '@kubernetes-models/flux-cd' },
  { id: 'gateway-api', package: '@kubernetes-models/gateway-api' },
  { id: 'istio', package: '@kubernetes-models/istio' },
  { id: 'karpenter', package: '@kubernetes-models/karpenter' },
  { id: 'keda', package: '@kubernetes-models/keda' },
  { id: 'knative', package: '@kubernetes-models/knative' },
  { id: 'prometheus-operator', package: '@kubernetes-models/prometheus-operator' },
  { id: 'sealed-secrets', package: '@kubernetes-models/sealed-secrets' },
];

/** `group/Kind` of cluster-scoped kinds. */
const CLUSTER_SCOPED = new Set([
  'argoproj.io/ClusterAnalysisTemplate',
  'argoproj.io/ClusterWorkflowTemplate',
  'awspca.cert-manager.io/AWSPCAClusterIssuer',
  'cert-manager.io/ClusterIssuer',
  'external-secrets.io/ClusterExternalSecret',
  'external-secrets.io/ClusterPushSecret',
  'external-secrets.io/ClusterSecretStore',
  'generators.external-secrets.io/ClusterGenerator',
  'gateway.networking.k8s.io/GatewayClass',
  'karpenter.k8s.aws/EC2NodeClass',
  'karpenter.sh/NodeClaim',
  'karpenter.sh/NodePool',
  'karpenter.sh/NodeOverlay',
  'keda.sh/ClusterTriggerAuthentication',
  'eventing.keda.sh/ClusterCloudEventSource',
  'networking.internal.knative.dev/ClusterDomainClaim',
  'policy.cert-manager.io/CertificateRequestPolicy',
  'trust.cert-manager.io/Bundle',
  'trust-manager.io/ClusterBundle',
]);

/**
 * Go types that carry apiVersion and kind but are no CRD of the project (helpers embedded in
 * other kinds): not in the catalog.
 */
export const NOT_KINDS = new Set([
  'autoscaling.internal.knative.dev/PodScalable',
  'eventing.knative.dev/EventPolicySelector',
  'keda.sh/WithTriggers',
  'messaging.knative.dev/ChannelTemplateSpec',
  'monitoring.coreos.com/EmbeddedPersistentVolumeClaim',
]);

/** `group/Kind` → short names (`kubectl get cert`). */
const SHORT_NAMES = {
  'argoproj.io/AnalysisRun': ['ar'],
  'argoproj.io/AnalysisTemplate': ['at'],
  'argoproj.io/Application': ['app', 'apps'],
  'argoproj.io/ApplicationSet': ['appset', 'appsets'],
  'argoproj.io/AppProject': ['appproj', 'appprojs'],
  'argoproj.io/ClusterAnalysisTemplate': ['cat'],
  'argoproj.io/ClusterWorkflowTemplate': ['clusterwftmpl', 'cwft'],
  'argoproj.io/CronWorkflow': ['cwf', 'cronwf'],
  'argoproj.io/Experiment': ['exp'],
  'argoproj.io/Rollout': ['ro'],
  'argoproj.io/Workflow': ['wf'],
  'argoproj.io/WorkflowTemplate': ['wftmpl'],
  'cert-manager.io/Certificate': ['cert', 'certs'],
  'cert-manager.io/CertificateRequest': ['cr', 'crs'],
  'external-secrets.io/ClusterExternalSecret': ['ces'],
  'external-secrets.io/ClusterSecretStore': ['css'],
  'external-secrets.io/ExternalSecret': ['es'],
  'external-secrets.io/SecretStore': ['ss'],
  'gateway.networking.k8s.io/Gateway': ['gtw'],
  'gateway.networking.k8s.io/GatewayClass': ['gc'],
  'helm.toolkit.fluxcd.io/HelmRelease': ['hr'],
  'keda.sh/ClusterTriggerAuthentication': ['cta', 'clustertriggerauth'],
  'keda.sh/ScaledJob': ['sj'],
  'keda.sh/ScaledObject': ['so'],
  'keda.sh/TriggerAuthentication': ['ta', 'triggerauth'],
  'kustomize.toolkit.fluxcd.io/Kustomization': ['ks'],
  'monitoring.coreos.com/Alertmanager': ['am'],
  'monitoring.coreos.com/AlertmanagerConfig': ['amcfg'],
  'monitoring.coreos.com/PodMonitor': ['pmon'],
  'monitoring.coreos.com/Probe': ['prb'],
  'monitoring.coreos.com/Prometheus': ['prom'],
  'monitoring.coreos.com/PrometheusAgent': ['promagent'],
  'monitoring.coreos.com/PrometheusRule': ['promrule'],
  'monitoring.coreos.com/ScrapeConfig': ['scfg'],
  'monitoring.coreos.com/ServiceMonitor': ['smon'],
  'monitoring.coreos.com/ThanosRuler': ['ruler'],
  'networking.istio.io/DestinationRule': ['dr'],
  'networking.istio.io/Gateway': ['gw'],
  'networking.istio.io/ServiceEntry': ['se'],
  'networking.istio.io/VirtualService': ['vs'],
  'networking.istio.io/WorkloadEntry': ['we'],
  'networking.istio.io/WorkloadGroup': ['wg'],
  'security.istio.io/PeerAuthentication': ['pa'],
  'serving.knative.dev/Configuration': ['config', 'cfg'],
  'serving.knative.dev/Revision': ['rev'],
  'serving.knative.dev/Route': ['rt'],
  'serving.knative.dev/Service': ['kservice', 'ksvc'],
  'source.toolkit.fluxcd.io/GitRepository': ['gitrepo'],
  'source.toolkit.fluxcd.io/HelmChart': ['hc'],
  'source.toolkit.fluxcd.io/HelmRepository': ['helmrepo'],
  'source.toolkit.fluxcd.io/OCIRepository': ['ocirepo'],
};

/**
 * Fields the Go types make required but the real CRD also defaults (`+kubebuilder:default`), so the
 * API server fills them in before it validates: never missing. The packages drop defaults, so they
 * are listed here, by group, and left out of `required` everywhere in that group's kinds.
 */
export const DEFAULTED_REQUIRED = {
  // NodePool spec.disruption.consolidateAfter (default 0s) and budgets[].nodes (default 10%).
  'karpenter.sh': ['consolidateAfter', 'nodes'],
};

/** Plurals kubebuilder's rule would not give. */
const PLURALS = {};

function pluralOf(kind) {
  const lower = kind.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  return `${lower}s`;
}

export function namesOf(group, kind) {
  const key = `${group}/${kind}`;
  return {
    plural: PLURALS[key] ?? pluralOf(kind),
    singular: kind.toLowerCase(),
    shortNames: SHORT_NAMES[key] ?? [],
    scope: CLUSTER_SCOPED.has(key) ? 'Cluster' : 'Namespaced',
  };
}

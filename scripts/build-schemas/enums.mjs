/**
 * Value sets of the `+enum` string fields that the API server checks. The upstream OpenAPI
 * documents carry no `enum` for them (so `kubectl explain` shows none), but kubernetes-models keeps
 * the "Possible enum values" list of each such field in its description, and the values of enum
 * list items in the field's TypeScript type. They go into the catalog under their own key, apart
 * from `enum`, so explain output stays kubectl's.
 *
 * Only fields whose values the API server's validation rejects are listed (docs/rules/schema.md
 * names the function of each, and the enum fields left out with the reason).
 */

/** The catalog key holding a value set; the schema stage checks it, explain ignores it. */
export const ENUM_KEY = 'x-k8s-lint-enum';

const core = (kind) => `io.k8s.api.core.v1.${kind}`;
const admission = (kind) => `io.k8s.api.admissionregistration.v1.${kind}`;

/** Definition → fields (a list field's value set applies to its items). */
export const ENFORCED_ENUMS = {
  [core('AppArmorProfile')]: ['type'],
  [core('AzureDiskVolumeSource')]: ['cachingMode', 'kind'],
  [core('Container')]: ['imagePullPolicy', 'terminationMessagePolicy'],
  [core('ContainerPort')]: ['protocol'],
  [core('EndpointPort')]: ['protocol'],
  [core('EphemeralContainer')]: ['imagePullPolicy', 'terminationMessagePolicy'],
  [core('HTTPGetAction')]: ['scheme'],
  [core('HostPathVolumeSource')]: ['type'],
  [core('ImageVolumeSource')]: ['pullPolicy'],
  [core('NodeSelectorRequirement')]: ['operator'],
  [core('PersistentVolumeClaimSpec')]: ['accessModes', 'volumeMode'],
  [core('PersistentVolumeSpec')]: ['accessModes', 'persistentVolumeReclaimPolicy', 'volumeMode'],
  [core('PodSecurityContext')]: ['fsGroupChangePolicy'],
  [core('PodSpec')]: ['dnsPolicy', 'preemptionPolicy', 'restartPolicy'],
  [core('ScopedResourceSelectorRequirement')]: ['operator'],
  [core('SeccompProfile')]: ['type'],
  [core('SecurityContext')]: ['procMount'],
  [core('ServicePort')]: ['protocol'],
  [core('ServiceSpec')]: ['externalTrafficPolicy', 'internalTrafficPolicy', 'ipFamilies', 'ipFamilyPolicy', 'sessionAffinity', 'type'],
  [core('Taint')]: ['effect'],
  [core('Toleration')]: ['effect', 'operator'],
  [core('TopologySpreadConstraint')]: ['nodeAffinityPolicy', 'nodeTaintsPolicy', 'whenUnsatisfiable'],
  [core('VolumeMount')]: ['mountPropagation'],
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy': ['type'],
  'io.k8s.api.apps.v1.DeploymentStrategy': ['type'],
  'io.k8s.api.apps.v1.StatefulSetSpec': ['podManagementPolicy'],
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy': ['type'],
  'io.k8s.api.batch.v1.CronJobSpec': ['concurrencyPolicy'],
  'io.k8s.api.batch.v1.JobSpec': ['completionMode', 'podReplacementPolicy'],
  'io.k8s.api.batch.v1.PodFailurePolicyOnExitCodesRequirement': ['operator'],
  'io.k8s.api.batch.v1.PodFailurePolicyRule': ['action'],
  'io.k8s.api.discovery.v1.EndpointPort': ['protocol'],
  'io.k8s.api.discovery.v1.EndpointSlice': ['addressType'],
  'io.k8s.api.networking.v1.HTTPIngressPath': ['pathType'],
  'io.k8s.api.networking.v1.NetworkPolicyPort': ['protocol'],
  'io.k8s.api.networking.v1.NetworkPolicySpec': ['policyTypes'],
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': ['unhealthyPodEvictionPolicy'],
  'io.k8s.api.scheduling.v1.PriorityClass': ['preemptionPolicy'],
  'io.k8s.api.storage.v1.StorageClass': ['reclaimPolicy', 'volumeBindingMode'],
  [admission('MatchResources')]: ['matchPolicy'],
  [admission('MutatingAdmissionPolicySpec')]: ['failurePolicy', 'reinvocationPolicy'],
  [admission('MutatingWebhook')]: ['failurePolicy', 'matchPolicy', 'reinvocationPolicy', 'sideEffects'],
  [admission('Mutation')]: ['patchType'],
  [admission('NamedRuleWithOperations')]: ['operations', 'scope'],
  [admission('RuleWithOperations')]: ['operations', 'scope'],
  [admission('ValidatingAdmissionPolicyBindingSpec')]: ['validationActions'],
  [admission('ValidatingAdmissionPolicySpec')]: ['failurePolicy'],
  [admission('ValidatingWebhook')]: ['failurePolicy', 'matchPolicy', 'sideEffects'],
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule': ['reason'],
};

const NOTE = /\n\nPossible enum values:\n([\s\S]*)$/;
const NOTE_VALUE = /^ - `("(?:[^"\\]|\\.)*")`/gm;
const LITERAL_UNION = /^(?:Array<)?((?:"(?:[^"\\]|\\.)*"(?: \| )?)+)>?$/;

/**
 * The values of a kubernetes-models field: its description's "Possible enum values" list, or
 * for a list of enum values (whose description has no such list) the string literals of its type.
 */
export function enumValuesOf(modelField) {
  const note = NOTE.exec(modelField?.description ?? '');
  if (note) return [...note[1].matchAll(NOTE_VALUE)].map((m) => JSON.parse(m[1]));
  const union = LITERAL_UNION.exec(modelField?.tsType ?? '');
  if (union && modelField.tsType.startsWith('Array<')) return [...union[1].matchAll(/"(?:[^"\\]|\\.)*"/g)].map((m) => JSON.parse(m[0]));
  return undefined;
}

/**
 * Puts the value set of every enforced field on the field (or on its items) of the assembled
 * definitions. A field the version lacks is skipped; a field without values in the packages is a
 * build error, so a package update cannot silently drop a check.
 */
export function addEnforcedEnums(definitions, modelDefs) {
  for (const [name, fields] of Object.entries(ENFORCED_ENUMS)) {
    const definition = definitions[name];
    if (!definition) continue;
    for (const field of fields) {
      const property = definition.properties?.[field];
      if (!property) continue;
      const values = enumValuesOf(modelDefs.get(name)?.fields.get(field));
      if (!values || values.length === 0) throw new Error(`no enum values for ${name}.${field} in kubernetes-models`);
      const target = property.type === 'array' ? property.items : property;
      if (!target || (target.type !== 'string' && target.$ref === undefined)) throw new Error(`${name}.${field} is not a string field`);
      target[ENUM_KEY] = [...values].sort();
    }
  }
}

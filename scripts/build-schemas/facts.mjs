/**
 * Facts of the Kubernetes API that no package on the registry carries, written down by hand.
 * Each one is a marker in the Kubernetes Go types (`+listType=map`, `+listMapKey=...`,
 * `+patchMergeKey=...`, `// +default=...`); the schema fidelity test checks every entry against
 * the upstream OpenAPI document, so a wrong fact fails the build.
 */

/** Schemas of the definitions that the client generators turn into plain TypeScript types. */
export const SPECIAL_DEFINITIONS = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': { type: 'object' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch': { type: 'object' },
  'io.k8s.apimachinery.pkg.runtime.RawExtension': { type: 'object' },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool': {},
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray': {},
};

const mapList = (keys, mergeKey = keys[0]) => ({
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
  'x-kubernetes-patch-merge-key': mergeKey,
  'x-kubernetes-patch-strategy': 'merge',
});
const containerLists = {
  ports: mapList(['containerPort', 'protocol'], 'containerPort'),
  env: mapList(['name']),
  volumeMounts: mapList(['mountPath']),
  volumeDevices: mapList(['devicePath']),
};

/** Definition → field → extensions (list-map keys, patch merge keys) and defaults. */
export const FIELD_FACTS = {
  'io.k8s.api.core.v1.PodSpec': {
    containers: mapList(['name']),
    initContainers: mapList(['name']),
    ephemeralContainers: mapList(['name']),
    imagePullSecrets: mapList(['name']),
    hostAliases: mapList(['ip']),
    topologySpreadConstraints: mapList(['topologyKey', 'whenUnsatisfiable'], 'topologyKey'),
    resourceClaims: { ...mapList(['name']), 'x-kubernetes-patch-strategy': 'merge,retainKeys' },
    schedulingGates: mapList(['name']),
    volumes: { ...mapList(['name']), 'x-kubernetes-patch-strategy': 'merge,retainKeys' },
  },
  'io.k8s.api.core.v1.Container': containerLists,
  'io.k8s.api.core.v1.EphemeralContainer': containerLists,
  'io.k8s.api.core.v1.ServiceSpec': { ports: mapList(['port', 'protocol'], 'port') },
  'io.k8s.api.core.v1.ContainerPort': { protocol: { default: 'TCP' } },
  // Fields whose type is a property-less struct that neither client nor models name.
  'io.k8s.api.apiserverinternal.v1alpha1.StorageVersion': { spec: { $ref: '#/definitions/io.k8s.api.apiserverinternal.v1alpha1.StorageVersionSpec' } },
  'io.k8s.api.scheduling.v1alpha2.PodGroupSchedulingPolicy': { basic: { $ref: '#/definitions/io.k8s.api.scheduling.v1alpha2.BasicSchedulingPolicy' } },
  'io.k8s.api.core.v1.ServicePort': { protocol: { default: 'TCP' } },
};

/**
 * OpenAPI formats of number fields that only 0.x client packages have (kinds no 1.x package
 * carries), as the upstream documents of those releases give them.
 */
export const FORMATS_OF_RETIRED_FIELDS = new Map([
  ['V1alpha1ClusterCIDRSpec.perNodeHostBits', 'int32'],
  ['V1beta2LimitedPriorityLevelConfiguration.assuredConcurrencyShares', 'int32'],
]);

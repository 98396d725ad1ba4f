import { asArray, asObject } from '../k8s/values.js';
import { podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

/** Volume source fields in the order the API server counts them (validateVolumeSource). */
const SOURCES = [
  'emptyDir',
  'hostPath',
  'gitRepo',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'flocker',
  'persistentVolumeClaim',
  'rbd',
  'cinder',
  'cephfs',
  'quobyte',
  'downwardAPI',
  'fc',
  'flexVolume',
  'configMap',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'storageos',
  'projected',
  'scaleIO',
  'csi',
  'ephemeral',
  'image',
] as const;

// No source at all is not an error: defaulting turns such a volume into an emptyDir.
export default defineRule<'several'>({
  id: 'volume-source',
  description: 'Require each pod volume to have a single source (one of emptyDir, configMap, secret, persistentVolumeClaim, …)',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    several: 'volume "{{volume}}" sets both {{first}} and {{other}}; a volume has exactly one source',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const [i, item] of (asArray(spec.value.volumes) ?? []).entries()) {
      const volume = asObject(item);
      if (!volume) continue;
      const set = SOURCES.filter((s) => volume[s] !== undefined && volume[s] !== null);
      // A source of the wrong type fails decoding; the schema check reports it.
      if (set.length < 2 || set.some((s) => asObject(volume[s]) === undefined)) continue;
      const name = typeof volume.name === 'string' ? volume.name : String(i);
      for (const other of set.slice(1)) {
        yield {
          path: [...spec.path, 'volumes', i, other],
          on: 'key',
          messageId: 'several',
          data: { volume: name, first: set[0], other },
          hint: 'a volume that should combine secrets, config maps and downward API files can use one projected source',
        };
      }
    }
  },
});

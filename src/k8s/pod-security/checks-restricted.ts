/** The Restricted checks of the Pod Security Standards (policy/check_*.go of k8s.io/pod-security-admission). */
import { asArray, asObject } from '../values.js';
import type { Found, PodSecurityCheck, VersionedCheck } from './check.js';
import { explicitlyBadSeccomp } from './checks-baseline-b.js';
import { forbiddenProcMount } from './checks-baseline.js';
import { containerAt, containerWord, dig, inUserNamespace, isWindowsPod, podSecurityContext, quote, securityContextOf, text, type PodView } from './pod-view.js';

/** From policy 1.25 three Restricted checks leave pods with spec.os.name windows alone. */
const exceptWindows = (run: (pod: PodView) => Found[]) => (pod: PodView) => (isWindowsPod(pod) ? [] : run(pod));
/** From policy 1.35 the runAsNonRoot and runAsUser checks leave pods in a user namespace alone. */
const exceptUserNamespace = (run: (pod: PodView) => Found[]) => (pod: PodView) => (inUserNamespace(pod) ? [] : run(pod));
const twice = (run: (pod: PodView) => Found[], first: number, then: number, wrap: (r: typeof run) => typeof run, overrides?: readonly string[]): VersionedCheck[] => [
  { min: first, run, ...(overrides ? { overrides } : {}) },
  { min: then, run: wrap(run), ...(overrides ? { overrides } : {}) },
];

/** Where a container's missing securityContext field should go: its securityContext key, else the container. */
function missingAt(c: PodView['containers'][number]) {
  return securityContextOf(c.value) ? { path: [...c.path, 'securityContext'], on: 'key' as const } : containerAt(c);
}

/** Kinds of volume a Restricted pod may use (image from Kubernetes 1.33, at every policy version). */
const ALLOWED_VOLUMES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];
const NAMED_VOLUMES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'fc', 'azureFile', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];

function restrictedVolumes(pod: PodView): Found[] {
  const allowed = pod.serverMinor >= 33 ? [...ALLOWED_VOLUMES, 'image'] : ALLOWED_VOLUMES;
  const out: Found[] = [];
  asArray(pod.spec.value.volumes)?.forEach((item, i) => {
    const volume = asObject(item);
    if (!volume || allowed.some((k) => asObject(volume[k]))) return;
    const type = NAMED_VOLUMES.find((k) => asObject(volume[k])) ?? 'unknown';
    // A source this policy does not know (image before 1.33) is reported as "unknown", at its key.
    const source = type !== 'unknown' ? type : Object.keys(volume).find((k) => k !== 'name' && asObject(volume[k]));
    const at = source !== undefined ? { path: [...pod.spec.path, 'volumes', i, source], on: 'key' as const } : { path: [...pod.spec.path, 'volumes', i], on: 'key' as const };
    out.push({ reason: 'restricted volume types', detail: `volume ${quote(text(volume.name))} uses restricted volume type ${quote(type)}`, ...at, hint: `Restricted allows only ${allowed.join(', ')} volumes` });
  });
  return out;
}

function allowPrivilegeEscalation(pod: PodView): Found[] {
  const out: Found[] = [];
  for (const c of pod.containers) {
    const value = dig(c.value, 'securityContext', 'allowPrivilegeEscalation');
    if (value === false) continue;
    const at = value !== undefined && value !== null ? { path: [...c.path, 'securityContext', 'allowPrivilegeEscalation'], on: 'value' as const } : missingAt(c);
    out.push({ reason: 'allowPrivilegeEscalation != false', detail: `${containerWord(c)} must set securityContext.allowPrivilegeEscalation=false`, ...at, hint: `set securityContext: { allowPrivilegeEscalation: false } in ${containerWord(c)}` });
  }
  return out;
}

function runAsNonRoot(pod: PodView): Found[] {
  const reason = 'runAsNonRoot != true';
  const explicit: Found[] = [];
  const podValue = podSecurityContext(pod)?.runAsNonRoot;
  if (podValue === false) explicit.push({ reason, detail: 'pod must not set securityContext.runAsNonRoot=false', path: [...pod.spec.path, 'securityContext', 'runAsNonRoot'], on: 'value', hint: 'set securityContext: { runAsNonRoot: true } in the pod spec' });
  const implicit: Found[] = [];
  for (const c of pod.containers) {
    const value = dig(c.value, 'securityContext', 'runAsNonRoot');
    if (value === false) explicit.push({ reason, detail: `${containerWord(c)} must not set securityContext.runAsNonRoot=false`, path: [...c.path, 'securityContext', 'runAsNonRoot'], on: 'value', hint: `set securityContext: { runAsNonRoot: true } in ${containerWord(c)}` });
    else if ((value === undefined || value === null) && podValue !== true) {
      implicit.push({ reason, detail: `pod or ${containerWord(c)} must set securityContext.runAsNonRoot=true`, ...missingAt(c), hint: `set securityContext: { runAsNonRoot: true } in the pod spec, or in ${containerWord(c)}` });
    }
  }
  // As the admission controller: containers that left it unset are only mentioned when nothing set it to false.
  return explicit.length > 0 ? explicit : implicit;
}

function runAsUser(pod: PodView): Found[] {
  const out: Found[] = [];
  if (podSecurityContext(pod)?.runAsUser === 0) out.push({ reason: 'runAsUser=0', detail: 'pod must not set runAsUser=0', path: [...pod.spec.path, 'securityContext', 'runAsUser'], on: 'value', hint: 'run as a non-zero user id, or leave runAsUser unset and set runAsNonRoot: true' });
  for (const c of pod.containers) {
    if (dig(c.value, 'securityContext', 'runAsUser') !== 0) continue;
    out.push({ reason: 'runAsUser=0', detail: `${containerWord(c)} must not set runAsUser=0`, path: [...c.path, 'securityContext', 'runAsUser'], on: 'value', hint: 'run as a non-zero user id, or leave runAsUser unset and set runAsNonRoot: true' });
  }
  return out;
}

function seccompProfileRestricted(pod: PodView): Found[] {
  const explicit = explicitlyBadSeccomp(pod);
  if (explicit.length > 0) return explicit;
  if (asObject(podSecurityContext(pod)?.seccompProfile)) return [];
  return pod.containers
    .filter((c) => !asObject(dig(c.value, 'securityContext', 'seccompProfile')))
    .map((c) => ({
      reason: 'seccompProfile',
      detail: `pod or ${containerWord(c)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      ...missingAt(c),
      hint: `set securityContext: { seccompProfile: { type: RuntimeDefault } } in the pod spec, or in ${containerWord(c)}`,
    }));
}

function capabilitiesRestricted(pod: PodView): Found[] {
  const reason = 'unrestricted capabilities';
  const out: Found[] = [];
  for (const c of pod.containers) {
    const capabilities = asObject(dig(c.value, 'securityContext', 'capabilities'));
    const drop = asArray(capabilities?.drop);
    if (!drop?.includes('ALL')) {
      const at = drop ? { path: [...c.path, 'securityContext', 'capabilities', 'drop'], on: 'key' as const } : capabilities ? { path: [...c.path, 'securityContext', 'capabilities'], on: 'key' as const } : missingAt(c);
      out.push({ reason, detail: `${containerWord(c)} must set securityContext.capabilities.drop=["ALL"]`, ...at, hint: `set securityContext: { capabilities: { drop: [ALL] } } in ${containerWord(c)}` });
    }
    asArray(capabilities?.add)?.forEach((cap, i) => {
      if (cap === 'NET_BIND_SERVICE') return;
      out.push({ reason, detail: `${containerWord(c)} must not include ${quote(text(cap))} in securityContext.capabilities.add`, path: [...c.path, 'securityContext', 'capabilities', 'add', i], on: 'value', hint: 'Restricted lets a container add only NET_BIND_SERVICE' });
    });
  }
  return out;
}

export const RESTRICTED_CHECKS: readonly PodSecurityCheck[] = [
  { id: 'restrictedVolumes', level: 'restricted', versions: [{ min: 0, run: restrictedVolumes, overrides: ['hostPathVolumes'] }] },
  { id: 'allowPrivilegeEscalation', level: 'restricted', versions: twice(allowPrivilegeEscalation, 8, 25, exceptWindows) },
  { id: 'runAsNonRoot', level: 'restricted', versions: twice(runAsNonRoot, 0, 35, exceptUserNamespace) },
  { id: 'runAsUser', level: 'restricted', versions: twice(runAsUser, 23, 35, exceptUserNamespace) },
  { id: 'seccompProfile_restricted', level: 'restricted', versions: twice(seccompProfileRestricted, 19, 25, exceptWindows, ['seccompProfile_baseline']) },
  { id: 'capabilities_restricted', level: 'restricted', versions: twice(capabilitiesRestricted, 22, 25, exceptWindows, ['capabilities_baseline']) },
  // Restricted keeps /proc masked even in a user namespace, where Baseline relaxes it from 1.35.
  { id: 'procMount_restricted', level: 'restricted', versions: [{ min: 35, run: forbiddenProcMount, overrides: ['procMount'] }] },
];

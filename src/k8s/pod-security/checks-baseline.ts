/**
 * The Baseline checks of the Pod Security Standards as k8s.io/pod-security-admission defines them
 * (policy/check_*.go): ids, revisions by policy version, reasons and details.
 */
import { asArray, asObject } from '../values.js';
import type { Found, PodSecurityCheck } from './check.js';
import { containerWord, dig, inUserNamespace, podSecurityContext, quote, securityContextOf, text, type PodView } from './pod-view.js';
import { seLinuxOptions } from './check-selinux.js';

const hostNamespaces: PodSecurityCheck = {
  id: 'hostNamespaces',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        const out: Found[] = [];
        for (const key of ['hostNetwork', 'hostPID', 'hostIPC']) {
          if (pod.spec.value[key] !== true) continue;
          out.push({ reason: 'host namespaces', detail: `${key}=true`, path: [...pod.spec.path, key], on: 'value', hint: `remove ${key} from the pod spec (or set it to false)` });
        }
        return out;
      },
    },
  ],
};

const privileged: PodSecurityCheck = {
  id: 'privileged',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        return pod.containers
          .filter((c) => dig(c.value, 'securityContext', 'privileged') === true)
          .map((c) => ({
            reason: 'privileged',
            detail: `${containerWord(c)} must not set securityContext.privileged=true`,
            path: [...c.path, 'securityContext', 'privileged'],
            on: 'value' as const,
            hint: `set securityContext: { privileged: false } in ${containerWord(c)}, or remove the field`,
          }));
      },
    },
  ],
};

/** The capabilities a container runtime grants by default: Baseline lets a container add only these. */
const DEFAULT_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

const capabilitiesBaseline: PodSecurityCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        const out: Found[] = [];
        for (const c of pod.containers) {
          asArray(dig(c.value, 'securityContext', 'capabilities', 'add'))?.forEach((cap, i) => {
            if (DEFAULT_CAPABILITIES.has(text(cap))) return;
            out.push({
              reason: 'non-default capabilities',
              detail: `${containerWord(c)} must not include ${quote(text(cap))} in securityContext.capabilities.add`,
              path: [...c.path, 'securityContext', 'capabilities', 'add', i],
              on: 'value',
              hint: `remove ${text(cap)} from securityContext.capabilities.add; Baseline allows only ${[...DEFAULT_CAPABILITIES].join(', ')}`,
            });
          });
        }
        return out;
      },
    },
  ],
};

const hostPathVolumes: PodSecurityCheck = {
  id: 'hostPathVolumes',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        const out: Found[] = [];
        asArray(pod.spec.value.volumes)?.forEach((v, i) => {
          if (!asObject(asObject(v)?.hostPath)) return;
          out.push({ reason: 'hostPath volumes', detail: `volume ${quote(text(asObject(v)?.name))}`, path: [...pod.spec.path, 'volumes', i, 'hostPath'], on: 'key', hint: 'use an emptyDir, configMap, secret or persistentVolumeClaim volume instead of a hostPath' });
        });
        return out;
      },
    },
  ],
};

const hostPorts: PodSecurityCheck = {
  id: 'hostPorts',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        const out: Found[] = [];
        for (const c of pod.containers) {
          asArray(c.value.ports)?.forEach((p, i) => {
            const hostPort = asObject(p)?.hostPort;
            if (typeof hostPort !== 'number' || hostPort === 0) return;
            out.push({ reason: 'hostPort', detail: `${containerWord(c)} uses hostPort ${hostPort}`, path: [...c.path, 'ports', i, 'hostPort'], on: 'value', hint: 'remove hostPort; expose the port through a Service instead' });
          });
        }
        return out;
      },
    },
  ],
};

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const allowedAppArmorType = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';
const allowedAppArmorAnnotation = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');

const appArmorProfile: PodSecurityCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        const out: Found[] = [];
        const reason = 'forbidden AppArmor profile';
        const hint = 'set appArmorProfile: { type: RuntimeDefault } (or Localhost with a profile loaded on the node)';
        // The fields exist, and the admission controller reads them, from Kubernetes 1.30 on, at every policy version.
        if (pod.serverMinor >= 30) {
          const setters = [{ word: 'pod', sc: podSecurityContext(pod), path: [...pod.spec.path, 'securityContext'] }, ...pod.containers.map((c) => ({ word: containerWord(c), sc: securityContextOf(c.value), path: [...c.path, 'securityContext'] }))];
          for (const s of setters) {
            const profile = asObject(s.sc?.appArmorProfile);
            if (!profile || allowedAppArmorType(profile.type)) continue;
            const at = profile.type !== undefined ? { path: [...s.path, 'appArmorProfile', 'type'], on: 'value' as const } : { path: [...s.path, 'appArmorProfile'], on: 'key' as const };
            out.push({ reason, detail: `${s.word} must not set AppArmor profile type to ${quote(text(profile.type))}`, ...at, hint });
          }
        }
        const annotations = asObject(pod.meta?.value.annotations);
        for (const [key, value] of Object.entries(annotations ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          if (!key.startsWith(APPARMOR_ANNOTATION) || allowedAppArmorAnnotation(text(value))) continue;
          out.push({
            reason,
            detail: `annotation must not set AppArmor profile type to "${key}=${quote(text(value))}"`,
            path: [...pod.meta!.path, 'annotations', key],
            on: 'value',
            hint: 'set the annotation to runtime/default or localhost/<profile>, or use the appArmorProfile field',
          });
        }
        return out;
      },
    },
  ],
};

function forbiddenProcMount(pod: PodView): Found[] {
  const out: Found[] = [];
  for (const c of pod.containers) {
    const value = dig(c.value, 'securityContext', 'procMount');
    if (value === undefined || value === null || value === 'Default') continue;
    out.push({ reason: 'procMount', detail: `${containerWord(c)} must not set securityContext.procMount to ${quote(text(value))}`, path: [...c.path, 'securityContext', 'procMount'], on: 'value', hint: 'remove procMount or set it to Default' });
  }
  return out;
}

const procMount: PodSecurityCheck = {
  id: 'procMount',
  level: 'baseline',
  versions: [
    { min: 0, run: forbiddenProcMount },
    // From policy 1.35 a pod in a user namespace (hostUsers: false) may unmask /proc under Baseline.
    { min: 35, run: (pod) => (inUserNamespace(pod) ? [] : forbiddenProcMount(pod)) },
  ],
};

export { forbiddenProcMount };

export const BASELINE_CHECKS_A: readonly PodSecurityCheck[] = [hostNamespaces, privileged, capabilitiesBaseline, hostPathVolumes, hostPorts, appArmorProfile, seLinuxOptions, procMount];

/** The rest of the Baseline checks (policy/check_*.go of k8s.io/pod-security-admission). */
import type { Path } from '../../types.js';
import { asArray, asObject } from '../values.js';
import type { Found, PodSecurityCheck } from './check.js';
import { containerWord, dig, podSecurityContext, quote, securityContextOf, text, type PodView } from './pod-view.js';

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION = 'container.seccomp.security.alpha.kubernetes.io/';
const validSeccompAnnotation = (v: string) => v === 'runtime/default' || v === 'docker/default' || v.startsWith('localhost/');
export const validSeccompType = (t: unknown) => t === 'RuntimeDefault' || t === 'Localhost';

/** Before 1.19 seccomp was set with alpha annotations on the pod. */
function seccompAnnotations(pod: PodView): Found[] {
  const annotations = asObject(pod.meta?.value.annotations);
  if (!annotations || !pod.meta) return [];
  const keys = [SECCOMP_POD_ANNOTATION, ...pod.containers.map((c) => SECCOMP_CONTAINER_ANNOTATION + (c.name ?? ''))];
  const out: Found[] = [];
  for (const key of [...new Set(keys)]) {
    if (!(key in annotations) || validSeccompAnnotation(text(annotations[key]))) continue;
    out.push({ reason: 'seccompProfile', detail: `forbidden annotation ${key}=${quote(text(annotations[key]))}`, path: [...pod.meta.path, 'annotations', key], on: 'value', hint: 'use runtime/default or localhost/<profile>' });
  }
  return out;
}

/** A pod or container securityContext.seccompProfile whose type is neither RuntimeDefault nor Localhost. */
export function explicitlyBadSeccomp(pod: PodView): Found[] {
  const setters: { word: string; path: Path; sc: ReturnType<typeof securityContextOf> }[] = [
    { word: 'pod', path: [...pod.spec.path, 'securityContext'], sc: podSecurityContext(pod) },
    ...pod.containers.map((c) => ({ word: containerWord(c), path: [...c.path, 'securityContext'], sc: securityContextOf(c.value) })),
  ];
  const out: Found[] = [];
  for (const s of setters) {
    const profile = asObject(s.sc?.seccompProfile);
    if (!profile || validSeccompType(profile.type)) continue;
    const at = profile.type !== undefined ? { path: [...s.path, 'seccompProfile', 'type'], on: 'value' as const } : { path: [...s.path, 'seccompProfile'], on: 'key' as const };
    out.push({ reason: 'seccompProfile', detail: `${s.word} must not set securityContext.seccompProfile.type to ${quote(text(profile.type))}`, ...at, hint: 'set seccompProfile: { type: RuntimeDefault } (or Localhost with a profile on the node)' });
  }
  return out;
}

const seccompProfileBaseline: PodSecurityCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  versions: [
    { min: 0, run: seccompAnnotations },
    { min: 19, run: explicitlyBadSeccomp },
  ],
};

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];

function sysctlsWith(allowed: readonly string[]) {
  const set = new Set(allowed);
  return (pod: PodView): Found[] => {
    const out: Found[] = [];
    asArray(podSecurityContext(pod)?.sysctls)?.forEach((item, i) => {
      const name = text(asObject(item)?.name);
      if (set.has(name)) return;
      out.push({ reason: 'forbidden sysctls', detail: name, path: [...pod.spec.path, 'securityContext', 'sysctls', i, 'name'], on: 'value', hint: `at this policy version Baseline allows only the sysctls ${allowed.join(', ')}` });
    });
    return out;
  };
}

const sysctls: PodSecurityCheck = {
  id: 'sysctls',
  level: 'baseline',
  versions: [
    { min: 0, run: sysctlsWith(SYSCTLS_1_0) },
    { min: 27, run: sysctlsWith(SYSCTLS_1_27) },
    { min: 29, run: sysctlsWith(SYSCTLS_1_29) },
    { min: 32, run: sysctlsWith(SYSCTLS_1_32) },
  ],
};

const windowsHostProcess: PodSecurityCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  versions: [
    {
      min: 0,
      run(pod) {
        const out: Found[] = [];
        const setters = [{ word: 'pod', path: [...pod.spec.path, 'securityContext'], sc: podSecurityContext(pod) }, ...pod.containers.map((c) => ({ word: containerWord(c), path: [...c.path, 'securityContext'], sc: securityContextOf(c.value) }))];
        for (const s of setters) {
          if (dig(s.sc, 'windowsOptions', 'hostProcess') !== true) continue;
          out.push({ reason: 'hostProcess', detail: `${s.word} must not set securityContext.windowsOptions.hostProcess=true`, path: [...s.path, 'windowsOptions', 'hostProcess'], on: 'value', hint: 'remove windowsOptions.hostProcess (or set it to false)' });
        }
        return out;
      },
    },
  ],
};

const HANDLERS: readonly (readonly string[])[] = [['livenessProbe'], ['readinessProbe'], ['startupProbe'], ['lifecycle', 'postStart'], ['lifecycle', 'preStop']];

const hostProbesAndHostLifecycle: PodSecurityCheck = {
  id: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  versions: [
    {
      min: 34,
      run(pod) {
        const out: Found[] = [];
        for (const c of pod.containers) {
          for (const handler of HANDLERS) {
            for (const action of ['httpGet', 'tcpSocket']) {
              const host = text(dig(c.value, ...handler, action, 'host'));
              if (host === '') continue;
              out.push({ reason: 'probe or lifecycle host', detail: `${containerWord(c)} uses probe or lifecycle host ${quote(host)}`, path: [...c.path, ...handler, action, 'host'], on: 'value', hint: 'remove host: the kubelet then probes the pod IP' });
            }
          }
        }
        return out;
      },
    },
  ],
};

export const BASELINE_CHECKS_B: readonly PodSecurityCheck[] = [seccompProfileBaseline, sysctls, windowsHostProcess, hostProbesAndHostLifecycle];

/**
 * Pod Security Standards levels and policy versions, as the Pod Security Admission controller reads
 * them from `--pod-security`, the configuration and a Namespace's `pod-security.kubernetes.io/*` labels.
 */

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

export const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

/** A level at a policy version: `restricted:v1.33`, or `restricted:latest` when `version` is absent. */
export interface PolicySpec {
  level: PodSecurityLevel;
  /** Minor version of the policy (`33` for v1.33); absent for `latest`. */
  minor?: number;
}

/** `v1.33`, `1.33` or `latest`; undefined when the text is none of these. */
export function parsePolicyVersion(text: string): { minor?: number } | undefined {
  if (text === 'latest') return {};
  const m = /^v?1\.(0|[1-9]\d{0,2})$/.exec(text);
  return m ? { minor: Number(m[1]) } : undefined;
}

/** `restricted`, `baseline:v1.30`, `restricted:latest`; undefined when malformed. */
export function parsePolicySpec(text: string): PolicySpec | undefined {
  const [level, version, ...rest] = text.split(':');
  if (rest.length > 0 || !(LEVELS as readonly string[]).includes(level ?? '')) return undefined;
  if (version === undefined) return { level: level as PodSecurityLevel };
  const parsed = parsePolicyVersion(version);
  return parsed ? { level: level as PodSecurityLevel, ...parsed } : undefined;
}

/** The minor of a Kubernetes version (`1.36` → 36). */
export function kubernetesMinor(kubernetesVersion: string): number {
  const m = /^v?1\.(\d+)/.exec(kubernetesVersion);
  return m ? Number(m[1]) : 0;
}

/**
 * The policy version whose checks run. `latest` is the newest the API server knows, and an API
 * server never knows a policy newer than itself: a version above it is evaluated as its own.
 */
export function effectiveMinor(spec: PolicySpec, kubernetesVersion: string): number {
  const server = kubernetesMinor(kubernetesVersion);
  return spec.minor === undefined ? server : Math.min(spec.minor, server);
}

/** How the admission controller names a policy in its messages: `restricted:latest`, `baseline:v1.30`. */
export function policyLabel(spec: PolicySpec): string {
  return `${spec.level}:${spec.minor === undefined ? 'latest' : `v1.${spec.minor}`}`;
}

export function levelRank(level: PodSecurityLevel): number {
  return LEVELS.indexOf(level);
}

/** The levels a Namespace's `pod-security.kubernetes.io/<mode>` labels set. */
export interface NamespacePolicy {
  enforce?: PolicySpec;
  warn?: PolicySpec;
  audit?: PolicySpec;
}

export const MODES = ['enforce', 'warn', 'audit'] as const;
export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

/**
 * A Namespace's policy from its labels. A label the API server would refuse (an unknown level or a
 * malformed version) means the Namespace is never created, so it sets nothing here.
 */
export function namespacePolicyOf(labels: Record<string, unknown>): NamespacePolicy {
  const out: NamespacePolicy = {};
  for (const mode of MODES) {
    const level = labels[LABEL_PREFIX + mode];
    if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) continue;
    const versionText = labels[`${LABEL_PREFIX}${mode}-version`];
    const version = typeof versionText === 'string' ? parsePolicyVersion(versionText) : {};
    if (!version) continue;
    out[mode] = { level: level as PodSecurityLevel, ...version };
  }
  return out;
}

/** What the pod-security rule needs to know for a run: the levels by file and by namespace. */
export interface PodSecuritySettings {
  /** `--pod-security`: every pod-making object, whatever its file. */
  all?: PolicySpec;
  /** The configuration's levels by path glob, resolved per linted file. */
  files?: Record<string, PolicySpec>;
  /** Namespaces among the inputs whose labels set a level. */
  namespaces?: Record<string, NamespacePolicy>;
}

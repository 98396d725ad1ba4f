/** Domain knowledge for the security rules: sensitive host paths, secret-looking variables, RBAC rules. */
import type { Path } from '../types.js';
import { asArray, asObject } from './values.js';

/** Host paths that give a container the node: runtime sockets, system directories, the root. */
const SENSITIVE_EXACT = ['/', '/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/var/run', '/run', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd', '/etc/kubernetes'];
const SENSITIVE_SOCKETS = /(?:^|\/)(?:docker|containerd|crio|cri-dockerd|podman)\.sock$/;

/** Why a hostPath is sensitive, or undefined. Paths below a listed directory count too (`/etc/ssl` is under `/etc`). */
export function sensitiveHostPath(path: string): string | undefined {
  const p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (SENSITIVE_SOCKETS.test(p)) return 'a container runtime socket: whoever can talk to it can start privileged containers on the node';
  for (const dir of SENSITIVE_EXACT) {
    if (p === dir) return dir === '/' ? "the node's whole filesystem" : `the node's ${dir}`;
  }
  for (const dir of ['/etc', '/proc', '/sys', '/boot', '/root', '/var/lib/kubelet', '/var/lib/docker', '/var/lib/containerd']) {
    if (p.startsWith(dir + '/')) return `part of the node's ${dir}`;
  }
  return undefined;
}

/** Words that make an environment variable name a credential. */
const SECRET_WORDS = ['PASSWORD', 'PASSWD', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY', 'AUTHKEY'];
/** Last words that make it about a credential, not the credential itself (`TOKEN_FILE`, `PASSWORD_MIN_LENGTH`). */
const NOT_THE_SECRET = new Set(['FILE', 'PATH', 'DIR', 'URL', 'URI', 'NAME', 'ENDPOINT', 'HEADER', 'TYPE', 'LENGTH', 'TTL', 'EXPIRY', 'EXPIRATION', 'TIMEOUT', 'ENABLED', 'DISABLED', 'REF', 'KEYREF', 'MOUNT', 'LOCATION', 'ID', 'USER', 'USERNAME', 'POLICY', 'SECONDS', 'LIFETIME', 'REQUIRED', 'FIELD', 'PARAM', 'PREFIX', 'SUFFIX', 'LIMIT', 'SIZE', 'COUNT', 'HOST', 'PORT', 'KEY_FILE']);

/** Whether an environment variable name looks like it holds a credential (`DB_PASSWORD`, `API_KEY`, `GITHUB_TOKEN`). */
export function looksLikeSecretName(name: string): boolean {
  const words = name.toUpperCase().split(/[^A-Z0-9]+/).filter(Boolean);
  if (words.length === 0 || NOT_THE_SECRET.has(words.at(-1)!)) return false;
  const joined = words.map((w, i) => w + (words[i + 1] ?? ''));
  return words.some((w) => SECRET_WORDS.includes(w)) || joined.some((w) => ['APIKEY', 'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY', 'AUTHKEY'].includes(w));
}

/** Whether a literal value is a credential rather than a placeholder for one: not empty, not a reference or a path, not a switch. */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length < 4) return false;
  if (/^\$[({]/.test(v) || v.startsWith('/') || v.startsWith('file:')) return false;
  return !['true', 'false', 'yes', 'no', 'none', 'null', 'enabled', 'disabled'].includes(v.toLowerCase());
}

export interface PolicyRuleRef {
  /** Path of the rule in the resource (`['rules', 2]`). */
  path: Path;
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  /** Paths of each list's items, to report at the one that matters. */
  itemPath(list: 'apiGroups' | 'resources' | 'verbs', index: number): Path;
}

const strings = (value: unknown) => (asArray(value) ?? []).map((v) => (typeof v === 'string' ? v : ''));

/** The rules of a Role or ClusterRole. */
export function policyRulesOf(object: unknown): PolicyRuleRef[] {
  const out: PolicyRuleRef[] = [];
  asArray(asObject(object)?.rules)?.forEach((item, i) => {
    const rule = asObject(item);
    if (!rule) return;
    const path: Path = ['rules', i];
    out.push({ path, apiGroups: strings(rule.apiGroups), resources: strings(rule.resources), verbs: strings(rule.verbs), itemPath: (list, index) => [...path, list, index] });
  });
  return out;
}

/**
 * The parts of the Kubernetes CEL environment that work on strings and lists, beyond what the
 * CEL package has built in (apiserver pkg/cel/library: lists.go, regex.go, format.go; cel-go
 * ext/strings.go): `charAt`, `replace`, `format`, `reverse`, `find`, `findAll`, `isSorted`, `sum`,
 * `min`, `max`, list `indexOf`/`lastIndexOf`, `sets.*` and `format.named()`.
 */
import { Environment, Optional } from '@marcbachmann/cel-js';
import { dns1035Label, dns1123Label, dns1123Subdomain, labelValue, qualifiedName } from '../../k8s/names.js';
import { CelRuntimeError } from './errors.js';
import { toRegExp } from './regex.js';
import { parseURL } from './url.js';

type Register = (signature: string, handler: (...args: never[]) => unknown) => void;

function compare(a: unknown, b: unknown): number {
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  throw new CelRuntimeError('no such overload');
}

function celEquals(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) return a == b;
  if (a && b && typeof a === 'object' && typeof b === 'object' && !(a instanceof Date)) {
    const ka = Object.keys(a);
    const ob = b as Record<string, unknown>;
    return ka.length === Object.keys(b).length && ka.every((k) => k in ob && celEquals((a as Record<string, unknown>)[k], ob[k]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

function codePoints(s: string): string[] {
  return Array.from(s);
}

/** `%s`, `%d`, `%f`, `%.Nf`, `%x`, `%X`, `%o`, `%b`, `%e`, `%%` of the strings extension's format(). */
function format(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(/%(?:\.(\d+))?([sdfeExXob%])/g, (_all, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (next >= args.length) throw new CelRuntimeError(`index ${next} out of range`);
    const arg = args[next++];
    switch (verb) {
      case 's':
        return typeof arg === 'string' ? arg : Array.isArray(arg) ? `[${arg.map(String).join(', ')}]` : String(arg);
      case 'd':
        if (typeof arg !== 'bigint') throw new CelRuntimeError('error during formatting: decimal clause can only be used on integers');
        return arg.toString();
      case 'f':
      case 'e':
      case 'E': {
        const n = Number(arg);
        const digits = precision === undefined ? 6 : Number(precision);
        return verb === 'f' ? n.toFixed(digits) : n.toExponential(digits).replace(/e([+-])(\d)$/, 'e$10$2');
      }
      case 'x':
      case 'X': {
        const text = typeof arg === 'string' ? Buffer.from(arg).toString('hex') : BigInt(arg as bigint).toString(16);
        return verb === 'X' ? text.toUpperCase() : text;
      }
      case 'o':
        return BigInt(arg as bigint).toString(8);
      default:
        return BigInt(arg as bigint).toString(2);
    }
  });
}

class FormatNamespace {}
class SetsNamespace {}
class KubernetesFormat {
  constructor(
    readonly name: string,
    readonly check: (value: string) => string | undefined,
  ) {}
}

function withoutTrailingDash(check: (value: string) => string | undefined): (value: string) => string | undefined {
  return (value) => check(value.endsWith('-') ? value.slice(0, -1) : value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FORMATS: Record<string, (value: string) => string | undefined> = {
  dns1123Label,
  dns1123Subdomain,
  dns1035Label,
  qualifiedName,
  labelValue,
  dns1123LabelPrefix: withoutTrailingDash(dns1123Label),
  dns1123SubdomainPrefix: withoutTrailingDash(dns1123Subdomain),
  dns1035LabelPrefix: withoutTrailingDash(dns1035Label),
  uuid: (v) => (UUID.test(v) ? undefined : 'does not match the UUID format'),
  date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'invalid date'),
  datetime: (v) => (/^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'invalid datetime'),
  uri: (v) => (parseURL(v) ? undefined : 'invalid URI'),
  byte: (v) => (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(v) ? undefined : 'invalid base64'),
};

export function registerTextLibrary(env: Environment): void {
  const fn: Register = (signature, handler) => void env.registerFunction(signature, handler as (...args: unknown[]) => unknown);
  fn('string.charAt(int): string', (s: string, i: bigint) => {
    const points = codePoints(s);
    if (i < 0n || i > BigInt(points.length)) throw new CelRuntimeError(`index out of range: ${i}`);
    return points[Number(i)] ?? '';
  });
  fn('string.replace(string, string): string', (s: string, from: string, to: string) => s.split(from).join(to));
  fn('string.replace(string, string, int): string', (s: string, from: string, to: string, n: bigint) => {
    if (n < 0n) return s.split(from).join(to);
    const parts = s.split(from);
    const count = Math.min(Number(n), parts.length - 1);
    return parts.slice(0, count + 1).join(to) + (count < parts.length - 1 ? from + parts.slice(count + 1).join(from) : '');
  });
  fn('string.reverse(): string', (s: string) => codePoints(s).reverse().join(''));
  fn('string.format(list): string', (s: string, args: unknown[]) => format(s, args));
  fn('string.find(string): string', (s: string, re: string) => toRegExp(re).exec(s)?.[0] ?? '');
  fn('string.findAll(string): list<string>', (s: string, re: string) => [...s.matchAll(toRegExp(re, true))].map((m) => m[0]));
  fn('string.findAll(string, int): list<string>', (s: string, re: string, n: bigint) => {
    const all = [...s.matchAll(toRegExp(re, true))].map((m) => m[0]);
    return n < 0n ? all : all.slice(0, Number(n));
  });
  fn('list.isSorted(): bool', (l: unknown[]) => l.every((x, i) => i === 0 || compare(l[i - 1], x) <= 0));
  fn('list.sum(): dyn', (l: unknown[]) => {
    if (l.length === 0) return 0n;
    return l.reduce((a, b) => {
      if (typeof a === 'bigint' && typeof b === 'bigint') return a + b;
      if (typeof a === 'number' && typeof b === 'number') return a + b;
      throw new CelRuntimeError('no such overload');
    });
  });
  fn('list.min(): dyn', (l: unknown[]) => {
    if (l.length === 0) throw new CelRuntimeError('min called on empty list');
    return l.reduce((a, b) => (compare(b, a) < 0 ? b : a));
  });
  fn('list.max(): dyn', (l: unknown[]) => {
    if (l.length === 0) throw new CelRuntimeError('max called on empty list');
    return l.reduce((a, b) => (compare(b, a) > 0 ? b : a));
  });
  fn('list.indexOf(dyn): int', (l: unknown[], x: unknown) => BigInt(l.findIndex((y) => celEquals(x, y))));
  fn('list.lastIndexOf(dyn): int', (l: unknown[], x: unknown) => {
    for (let i = l.length - 1; i >= 0; i--) if (celEquals(x, l[i])) return BigInt(i);
    return -1n;
  });
  // sets.contains/equivalent/intersects are namespaced functions, like format.named below.
  env.registerType('SetsNamespace', SetsNamespace);
  env.registerConstant('sets', 'SetsNamespace', new SetsNamespace());
  fn('SetsNamespace.contains(list, list): bool', (_ns: unknown, a: unknown[], b: unknown[]) => b.every((x) => a.some((y) => celEquals(x, y))));
  fn('SetsNamespace.intersects(list, list): bool', (_ns: unknown, a: unknown[], b: unknown[]) => b.some((x) => a.some((y) => celEquals(x, y))));
  fn('SetsNamespace.equivalent(list, list): bool', (_ns: unknown, a: unknown[], b: unknown[]) => b.every((x) => a.some((y) => celEquals(x, y))) && a.every((x) => b.some((y) => celEquals(x, y))));
  env.registerType('FormatNamespace', FormatNamespace);
  env.registerType('Format', KubernetesFormat);
  env.registerConstant('format', 'FormatNamespace', new FormatNamespace());
  fn('FormatNamespace.named(string): optional<Format>', (_ns: unknown, name: string) => {
    const check = FORMATS[name];
    return check ? Optional.of(new KubernetesFormat(name, check)) : Optional.none();
  });
  for (const [name, check] of Object.entries(FORMATS)) fn(`FormatNamespace.${name}(): Format`, () => new KubernetesFormat(name, check));
  fn('Format.validate(string): optional<list<string>>', (f: KubernetesFormat, value: string) => {
    const problem = f.check(value);
    return problem === undefined ? Optional.none() : Optional.of([problem]);
  });
}

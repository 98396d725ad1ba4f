/**
 * The value types of the Kubernetes CEL library: `quantity()` (apiserver pkg/cel/library/quantity.go),
 * `url()` (urls.go), `ip()` (ip.go) and `cidr()` (cidr.go), with their methods, and the `is*()`
 * checks that say whether a string would parse.
 */
import { Environment } from '@marcbachmann/cel-js';
import { CelRuntimeError } from './errors.js';
import { CIDR, IP, parseCIDR, parseIP } from './net.js';
import { parseQuantity, Quantity } from './quantity.js';
import { parseURL, queryMap, type ParsedURL } from './url.js';

class IPNamespace {}

class URLValue {
  constructor(readonly url: ParsedURL) {}
}

function quantityOf(text: string): Quantity {
  const q = parseQuantity(text);
  if (!q) throw new CelRuntimeError('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  return q;
}

function ipOf(text: string): IP {
  const ip = parseIP(text);
  if (!ip) throw new CelRuntimeError(`IP Address "${text}" parse error during conversion from string`);
  return ip;
}

function cidrOf(text: string): CIDR {
  const cidr = parseCIDR(text);
  if (!cidr) throw new CelRuntimeError(`network address parse error during conversion from string: ${text}`);
  return cidr;
}

export function registerTypeLibrary(env: Environment): void {
  const fn = (signature: string, handler: (...args: never[]) => unknown): void => void env.registerFunction(signature, handler as (...args: unknown[]) => unknown);
  env.registerType('Quantity', Quantity);
  fn('quantity(string): Quantity', (s: string) => quantityOf(s));
  fn('isQuantity(string): bool', (s: string) => parseQuantity(s) !== undefined);
  fn('Quantity.sign(): int', (q: Quantity) => BigInt(q.sign()));
  fn('Quantity.isInteger(): bool', (q: Quantity) => q.isInteger());
  fn('Quantity.asInteger(): int', (q: Quantity) => {
    if (!q.isInteger()) throw new CelRuntimeError('cannot convert value to integer');
    return q.num;
  });
  fn('Quantity.asApproximateFloat(): double', (q: Quantity) => q.approximateFloat());
  fn('Quantity.compareTo(Quantity): int', (a: Quantity, b: Quantity) => BigInt(a.compare(b)));
  fn('Quantity.isLessThan(Quantity): bool', (a: Quantity, b: Quantity) => a.compare(b) < 0);
  fn('Quantity.isGreaterThan(Quantity): bool', (a: Quantity, b: Quantity) => a.compare(b) > 0);
  fn('Quantity.add(Quantity): Quantity', (a: Quantity, b: Quantity) => a.add(b));
  fn('Quantity.add(int): Quantity', (a: Quantity, b: bigint) => a.add(new Quantity(b)));
  fn('Quantity.sub(Quantity): Quantity', (a: Quantity, b: Quantity) => a.sub(b));
  fn('Quantity.sub(int): Quantity', (a: Quantity, b: bigint) => a.sub(new Quantity(b)));
  env.registerOperator('Quantity == Quantity', (a: Quantity, b: Quantity) => a.compare(b) === 0);

  env.registerType('URL', URLValue);
  fn('url(string): URL', (s: string) => {
    const url = parseURL(s);
    if (!url) throw new CelRuntimeError(`URL parse error during conversion from string: ${s}`);
    return new URLValue(url);
  });
  fn('isURL(string): bool', (s: string) => parseURL(s) !== undefined);
  fn('URL.getScheme(): string', (u: URLValue) => u.url.scheme);
  fn('URL.getHost(): string', (u: URLValue) => u.url.host);
  fn('URL.getHostname(): string', (u: URLValue) => u.url.hostname);
  fn('URL.getPort(): string', (u: URLValue) => u.url.port);
  fn('URL.getEscapedPath(): string', (u: URLValue) => u.url.escapedPath);
  fn('URL.getQuery(): map<string, list<string>>', (u: URLValue) => queryMap(u.url.rawQuery));

  env.registerType('net.IP', IP);
  fn('ip(string): net.IP', (s: string) => ipOf(s));
  fn('isIP(string): bool', (s: string) => parseIP(s) !== undefined);
  fn('string(net.IP): string', (ip: IP) => ip.toString());
  fn('net.IP.family(): int', (ip: IP) => BigInt(ip.family));
  fn('net.IP.isUnspecified(): bool', (ip: IP) => ip.isUnspecified());
  fn('net.IP.isLoopback(): bool', (ip: IP) => ip.isLoopback());
  fn('net.IP.isLinkLocalMulticast(): bool', (ip: IP) => ip.isLinkLocalMulticast());
  fn('net.IP.isLinkLocalUnicast(): bool', (ip: IP) => ip.isLinkLocalUnicast());
  fn('net.IP.isGlobalUnicast(): bool', (ip: IP) => ip.isGlobalUnicast());
  // `ip.isCanonical(s)`: a namespaced function, beside the `ip()` function of the same name.
  env.registerType('IPNamespace', IPNamespace);
  env.registerConstant('ip', 'IPNamespace', new IPNamespace());
  fn('IPNamespace.isCanonical(string): bool', (_ns: unknown, s: string) => ipOf(s).toString() === s);
  env.registerOperator('net.IP == net.IP', (a: IP, b: IP) => a.family === b.family && a.bits === b.bits);

  env.registerType('net.CIDR', CIDR);
  fn('cidr(string): net.CIDR', (s: string) => cidrOf(s));
  fn('isCIDR(string): bool', (s: string) => parseCIDR(s) !== undefined);
  fn('string(net.CIDR): string', (c: CIDR) => c.toString());
  fn('net.CIDR.containsIP(net.IP): bool', (c: CIDR, ip: IP) => c.containsIP(ip));
  fn('net.CIDR.containsIP(string): bool', (c: CIDR, ip: string) => c.containsIP(ipOf(ip)));
  fn('net.CIDR.containsCIDR(net.CIDR): bool', (c: CIDR, other: CIDR) => c.containsCIDR(other));
  fn('net.CIDR.containsCIDR(string): bool', (c: CIDR, other: string) => c.containsCIDR(cidrOf(other)));
  fn('net.CIDR.ip(): net.IP', (c: CIDR) => c.ip);
  fn('net.CIDR.masked(): net.CIDR', (c: CIDR) => c.masked());
  fn('net.CIDR.prefixLength(): int', (c: CIDR) => BigInt(c.prefixLength));
  env.registerOperator('net.CIDR == net.CIDR', (a: CIDR, b: CIDR) => a.toString() === b.toString());
}

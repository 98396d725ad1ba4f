/** The Kubernetes CEL library functions and the helpers behind them. */
import { describe, expect, it } from 'vitest';
import { CelEngine } from '../src/schema/cel/engine.js';
import { parseCIDR, parseIP } from '../src/schema/cel/net.js';
import { parseQuantity } from '../src/schema/cel/quantity.js';
import { isUnsupportedPattern, toRegExp } from '../src/schema/cel/regex.js';
import { rewriteHasOnIndex } from '../src/schema/cel/rewrite.js';
import { parseURL, queryMap } from '../src/schema/cel/url.js';

const engine = new CelEngine();

function run(expression: string, self: unknown = {}): unknown {
  const compiled = engine.compile(expression);
  if (!compiled.ok) throw new Error(`${compiled.reason}: ${compiled.detail}`);
  const outcome = CelEngine.evaluate(compiled.run, self);
  if (outcome.kind === 'value') return outcome.value;
  return `${outcome.kind}: ${outcome.kind === 'error' ? outcome.message : outcome.detail}`;
}

describe('quantities', () => {
  it('parse like resource.ParseQuantity, exactly', () => {
    expect(parseQuantity('500m')?.approximateFloat()).toBe(0.5);
    expect(parseQuantity('1Gi')?.num).toBe(1n << 30n);
    expect(parseQuantity('1.5e3')?.num).toBe(1500n);
    expect(parseQuantity('-2k')?.sign()).toBe(-1);
    expect(parseQuantity('.5')?.approximateFloat()).toBe(0.5);
    for (const bad of ['', 'abc', '1Gb', '1.2.3', '5 Gi', 'e3', '1Ki2']) expect(parseQuantity(bad), bad).toBeUndefined();
  });

  it('compare and add exactly', () => {
    expect(parseQuantity('0.1')!.add(parseQuantity('0.2')!).compare(parseQuantity('300m')!)).toBe(0);
    expect(parseQuantity('1Gi')!.compare(parseQuantity('1G')!)).toBe(1);
  });

  it('work from CEL', () => {
    expect(run("quantity('1Gi').isGreaterThan(quantity('1G'))")).toBe(true);
    expect(run("quantity('500m').isInteger()")).toBe(false);
    expect(run("quantity('2k').asInteger()")).toBe(2000n);
    expect(run("quantity('1').add(quantity('500m')).compareTo(quantity('1.5'))")).toBe(0n);
    expect(run("quantity('1').sub(2).sign()")).toBe(-1n);
    expect(run("quantity('1000m') == quantity('1')")).toBe(true);
    expect(run("isQuantity('1x')")).toBe(false);
    expect(run("quantity('1x') == quantity('1')")).toMatch(/^error: quantities must match/);
    expect(run("quantity('500m').asInteger()")).toBe('error: cannot convert value to integer');
  });
});

describe('IP addresses and CIDRs', () => {
  it('parse like the library: no zones, no IPv4-mapped IPv6, no leading zeros', () => {
    expect(parseIP('10.0.0.1')?.family).toBe(4);
    expect(parseIP('2001:db8::1')?.family).toBe(6);
    for (const bad of ['10.0.0.01', '10.0.0', 'fe80::1%eth0', '::ffff:10.0.0.1', '1:2:3:4:5:6:7:8:9', 'x']) expect(parseIP(bad), bad).toBeUndefined();
    expect(parseCIDR('10.0.0.0/33')).toBeUndefined();
    expect(parseCIDR('10.0.0.0')).toBeUndefined();
  });

  it('print canonical forms', () => {
    expect(parseIP('2001:0db8:0:0:0:0:0:1')?.toString()).toBe('2001:db8::1');
    expect(parseIP('1:0:0:2:0:0:0:3')?.toString()).toBe('1:0:0:2::3');
    expect(parseCIDR('10.1.2.3/8')?.masked().toString()).toBe('10.0.0.0/8');
  });

  it('work from CEL', () => {
    expect(run("ip('127.0.0.1').isLoopback()")).toBe(true);
    expect(run("ip('::1').family()")).toBe(6n);
    expect(run("ip('169.254.1.1').isLinkLocalUnicast() && !ip('8.8.8.8').isLinkLocalUnicast()")).toBe(true);
    expect(run("ip('8.8.8.8').isGlobalUnicast() && !ip('224.0.0.1').isGlobalUnicast()")).toBe(true);
    expect(run("cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP(ip('11.0.0.1'))")).toBe(true);
    expect(run("cidr('10.0.0.0/8').containsCIDR('10.1.0.0/16')")).toBe(true);
    expect(run("cidr('10.1.2.3/8').masked() == cidr('10.0.0.0/8')")).toBe(true);
    expect(run("string(cidr('fd00::/64').ip())")).toBe('fd00::');
    expect(run("isIP('1.2.3') || isCIDR('1.2.3.4')")).toBe(false);
    expect(run("ip.isCanonical('2001:db8::1') && !ip.isCanonical('2001:DB8::1')")).toBe(true);
  });
});

describe('URLs', () => {
  it('parse like url.ParseRequestURI', () => {
    expect(parseURL('https://user@example.com:8443/a/b?x=1')).toEqual({ scheme: 'https', host: 'example.com:8443', hostname: 'example.com', port: '8443', escapedPath: '/a/b', rawQuery: 'x=1' });
    expect(parseURL('/just/a/path')?.escapedPath).toBe('/just/a/path');
    expect(parseURL('https://[::1]:80/')?.hostname).toBe('::1');
    for (const bad of ['example.com', 'relative/path', 'http://exa mple.com', 'http://host:port/']) expect(parseURL(bad), bad).toBeUndefined();
    expect(queryMap('a=1&a=2&b')).toEqual({ a: ['1', '2'], b: [''] });
  });

  it('work from CEL', () => {
    expect(run("url('https://example.com:8443/x').getScheme() == 'https' && url('https://example.com:8443/x').getPort() == '8443'")).toBe(true);
    expect(run("url('https://example.com/x?a=1').getQuery()['a'][0]")).toBe('1');
    expect(run("isURL('not a url')")).toBe(false);
  });
});

describe('strings, lists, regular expressions, formats', () => {
  it('strings extension', () => {
    expect(run("'héllo'.charAt(1)")).toBe('é');
    expect(run("'a-b-c'.replace('-', '+')")).toBe('a+b+c');
    expect(run("'a-b-c'.replace('-', '+', 1)")).toBe('a+b-c');
    expect(run("'%s has %d items'.format(['cart', 3])")).toBe('cart has 3 items');
    expect(run("'abc'.reverse()")).toBe('cba');
    expect(run("'  x '.trim() + 'AB'.lowerAscii() + 'ab'.upperAscii()")).toBe('xabAB');
    expect(run("'a,b'.split(',').join('|')")).toBe('a|b');
  });

  it('lists library', () => {
    expect(run('[1, 2, 2].isSorted() && ![2, 1].isSorted()')).toBe(true);
    expect(run('[1, 2, 3].sum()')).toBe(6n);
    expect(run("['b', 'a'].min()")).toBe('a');
    expect(run('[3, 1].max()')).toBe(3n);
    expect(run('[1, 2, 1].indexOf(1) == 0 && [1, 2, 1].lastIndexOf(1) == 2')).toBe(true);
    expect(run('[].min()')).toBe('error: min called on empty list');
    expect(run('sets.contains([1, 2], [2]) && sets.intersects([1], [1, 3]) && sets.equivalent([1, 2], [2, 1])')).toBe(true);
  });

  it('RE2 patterns: leading flags carried over, RE2-only syntax refused', () => {
    expect(run("'ABC'.matches('(?i)^abc$')")).toBe(true);
    expect(run("matches('abc', '^a')")).toBe(true);
    expect(run("'a1b22'.find('[0-9]+')")).toBe('1');
    expect(run("'a1b22c333'.findAll('[0-9]+')")).toEqual(['1', '22', '333']);
    expect(run("'a1b22c333'.findAll('[0-9]+', 2)")).toEqual(['1', '22']);
    expect(isUnsupportedPattern('\\pL+')).toBe(true);
    expect(isUnsupportedPattern('[[:alpha:]]')).toBe(true);
    expect(isUnsupportedPattern('^(?:a|b)$')).toBe(false);
    expect(toRegExp('^(?i)abc$').flags).toContain('i');
    const compiled = engine.compile("self.matches('\\\\pL')");
    expect(compiled.ok ? 'ok' : compiled.reason).toBe('unsupported');
  });

  it('format.named() and named formats', () => {
    expect(run("format.named('dns1123Label').hasValue()")).toBe(true);
    expect(run("format.named('nope').hasValue()")).toBe(false);
    expect(run("format.named('uri').value().validate('https://example.com').hasValue() || format.named('datetime').value().validate('2024-01-01').hasValue() == false")).toBe(false);
    expect(run("format.dns1123Label().validate('Bad_Name').hasValue()")).toBe(true);
    expect(run("!format.named('dns1123Label').value().validate('good-name').hasValue()")).toBe(true);
  });

  it('optionals', () => {
    expect(run("self.?a.orValue('none')", {})).toBe('none');
    expect(run('self.?a.hasValue()', { a: 1n })).toBe(true);
    expect(run('self.l[?3].orValue(0)', { l: [] })).toBe(0n);
  });
});

describe('has() on indexed fields', () => {
  it('is rewritten to a form the package parses, with the same meaning', () => {
    expect(rewriteHasOnIndex('has(self.m[0].path)')).toBe('[self.m[0]].all(__has, has(__has.path))');
    expect(rewriteHasOnIndex("has(self.a) && 'has(x[0].y)' != ''")).toBe("has(self.a) && 'has(x[0].y)' != ''");
    expect(run('has(self.m[0].path)', { m: [{ path: 'x' }] })).toBe(true);
    expect(run('has(self.m[0].path)', { m: [{}] })).toBe(false);
    expect(run('has(self.m[1].path)', { m: [{}] })).toBe("error: index '1' out of range in list size '1'");
    expect(run('self.m[0]', { m: [] })).toBe("error: index '0' out of range in list size '0'");
  });
});

describe('rule outcomes', () => {
  it('sorts errors the API server also raises from gaps of this engine', () => {
    expect(run('self.x > 0', {})).toBe('error: no such key: x');
    expect(run('1 / self.x', { x: 0n })).toBe('error: division by zero');
    expect(run('1 % self.x', { x: 0n })).toBe('error: modulus by zero');
    expect(run('self.x + 1', { x: 9223372036854775807n })).toBe('error: integer overflow');
    expect(run('self.a + 1', { a: 'x' })).toMatch(/^unsupported: /);
    const transition = engine.compile('self == oldSelf');
    expect(transition.ok && transition.usesOldSelf).toBe(true);
    expect(engine.compile('self.(').ok).toBe(false);
    expect(engine.compile('self.nosuchfunction()').ok).toBe(false);
  });
});

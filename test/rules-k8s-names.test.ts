import { describe, expect, it } from 'vitest';
import { dns1035Label, dns1123Label, dns1123Subdomain, generateNamePrefix, labelValue, pathSegmentName, portName, qualifiedName } from '../src/k8s/names.js';
import { parseImage } from '../src/k8s/images.js';

const valid = (check: (v: string) => string | undefined, values: string[]) => expect(values.filter((v) => check(v) !== undefined)).toEqual([]);
const invalid = (check: (v: string) => string | undefined, values: string[]) => expect(values.filter((v) => check(v) === undefined)).toEqual([]);

describe('name syntax', () => {
  it('DNS-1123 subdomain', () => {
    valid(dns1123Subdomain, ['a', 'web', 'app.settings.v2', '0-a', 'a'.repeat(253)]);
    invalid(dns1123Subdomain, ['', 'Web', 'my_app', '-a', 'a-', 'a..b', '.a', 'a.', 'a'.repeat(254)]);
  });
  it('DNS-1123 label', () => {
    valid(dns1123Label, ['a', '1st', 'team-a', 'a'.repeat(63)]);
    invalid(dns1123Label, ['team.a', 'A', 'a_b', 'a'.repeat(64)]);
  });
  it('DNS-1035 label starts with a letter', () => {
    valid(dns1035Label, ['svc', 'my-svc-2']);
    invalid(dns1035Label, ['1st-service', 'svc-', 'a.b']);
  });
  it('path segment', () => {
    valid(pathSegmentName, ['system:controller:foo', 'Anything_Goes']);
    invalid(pathSegmentName, ['.', '..', 'a/b', 'a%20']);
  });
  it('generateName masks its trailing dash', () => {
    expect(dns1123Subdomain(generateNamePrefix('pi-'))).toBeUndefined();
    expect(dns1123Subdomain(generateNamePrefix('Pi-'))).toBeDefined();
  });
});

describe('label syntax', () => {
  it('keys: optional DNS-subdomain prefix, name ≤63', () => {
    valid(qualifiedName, ['app', 'app.kubernetes.io/name', 'example.com/Team_Owner', 'a.b', 'A', 'x'.repeat(63), `${'p'.repeat(253)}/n`]);
    invalid(qualifiedName, ['', '/app', 'Example.com/app', 'a/b/c', 'app-', '_app', 'bad key', 'x'.repeat(64), `${'p'.repeat(254)}/n`, 'example.com/']);
  });
  it('values: empty or ≤63 of [A-Za-z0-9-_.], alphanumeric at both ends', () => {
    valid(labelValue, ['', 'web', 'v1.0-beta', 'A_B', '1', 'x'.repeat(63)]);
    invalid(labelValue, ['v1.0 beta', '-frontend', 'a/b', 'a:b', 'x'.repeat(64), 'end.']);
  });
  it('port names are IANA service names', () => {
    valid(portName, ['http', 'web', 'h2c', 'grpc-web', 'a'.repeat(15), '8080a']);
    invalid(portName, ['8443', 'metrics_port', 'HTTP', '-http', 'http-', 'http--alt', 'a'.repeat(16), '']);
  });
});

describe('image references', () => {
  it('finds the tag after the last slash, and the digest', () => {
    expect(parseImage('nginx')).toEqual({});
    expect(parseImage('nginx:1.27')).toEqual({ tag: '1.27' });
    expect(parseImage('localhost:5000/app')).toEqual({});
    expect(parseImage('localhost:5000/team/app:2')).toEqual({ tag: '2' });
    expect(parseImage('nginx@sha256:abc')).toEqual({ digest: 'sha256:abc' });
    expect(parseImage('nginx:latest@sha256:abc')).toEqual({ tag: 'latest', digest: 'sha256:abc' });
  });
});

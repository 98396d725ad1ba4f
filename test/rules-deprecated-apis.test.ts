import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { versionAtLeast } from '../src/k8s/api-version.js';
import { DEPRECATED_APIS } from '../src/k8s/deprecated-apis.js';

const OPENAPI = new URL('../../shared/openapi/', import.meta.url).pathname;
const VERSIONS = ['1.34', '1.36'];

/** Every `group/version Kind` an OpenAPI v2 document describes. */
function servedKinds(version: string): Set<string> {
  const doc = JSON.parse(readFileSync(`${OPENAPI}v${version}/swagger.json`, 'utf8')) as {
    definitions: Record<string, { 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[] }>;
  };
  const out = new Set<string>();
  for (const def of Object.values(doc.definitions)) {
    for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) out.add(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version} ${gvk.kind}`);
  }
  return out;
}

describe('deprecated API table', () => {
  it('is well formed', () => {
    const keys = DEPRECATED_APIS.map((d) => `${d.apiVersion} ${d.kind}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const d of DEPRECATED_APIS) {
      expect(versionAtLeast(d.removedIn, d.deprecatedIn), `${d.apiVersion} ${d.kind}`).toBe(true);
      expect(d.replacement).not.toBe(d.apiVersion);
    }
  });
});

describe.skipIf(!existsSync(OPENAPI))('deprecated API table agrees with the upstream OpenAPI documents', () => {
  for (const version of VERSIONS) {
    it(`Kubernetes ${version}`, () => {
      const served = servedKinds(version);
      const wrong: string[] = [];
      for (const d of DEPRECATED_APIS) {
        const key = `${d.apiVersion} ${d.kind}`;
        const removed = versionAtLeast(version, d.removedIn);
        if (removed && served.has(key)) wrong.push(`${key}: removed in ${d.removedIn} but served in ${version}`);
        if (!removed && !served.has(key)) wrong.push(`${key}: not removed until ${d.removedIn} but not served in ${version}`);
        // A replacement that is an apiVersion must itself be served for the kind.
        if (!d.noDirectReplacement && d.replacement.split(' ').length === 1 && !served.has(`${d.replacement} ${d.kind}`)) {
          wrong.push(`${key}: replacement ${d.replacement} ${d.kind} is not served in ${version}`);
        }
      }
      expect(wrong).toEqual([]);
    });
  }
});

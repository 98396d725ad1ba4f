/**
 * The deprecated-api table and the unknown-api check against the bundled catalogs: which minor
 * serves which group/version/kind is read from each catalog, never typed by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { versionAtLeast } from '../src/k8s/api-version.js';
import { DEPRECATED_APIS, NO_SUCCESSOR, ROWS, removalFromCatalogs, replacementAt, servedIn } from '../src/k8s/deprecated-apis.js';
import { BUNDLED_MINORS, SERVED_BY } from '../src/k8s/served-apis.js';
import deprecatedApi from '../src/rules/deprecated-api.js';
import { lookupApi } from '../src/schema/api-lookup.js';
import { availableVersions, loadCatalog } from '../src/schema/catalog.js';
import { lintText } from '../src/index.js';
import type { Resource } from '../src/types.js';

const OPENAPI = new URL('../../shared/openapi/', import.meta.url).pathname;
const MINORS = availableVersions();
const key = (apiVersion: string, kind: string): string => `${apiVersion} ${kind}`;

/** What the catalog of a minor serves, straight from schemas/. */
function catalogServes(version: string): Set<string> {
  return new Set(loadCatalog(version).resources.map((r) => key(r.apiVersion, r.kind)));
}

/** Every group/version/kind any bundled minor serves. */
const everServed = (): string[] => [...new Set(MINORS.flatMap((v) => [...catalogServes(v)]))].sort();

/** The deprecated-api rule's verdict for one object under one version. */
function verdict(apiVersion: string, kind: string, version: string): { messageId: string; message: string } | undefined {
  const ctx = { options: {}, kubernetesVersion: version, defaultNamespace: 'default', span: () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }) };
  const reports = [...(deprecatedApi.check?.({ apiVersion, kind } as Resource, ctx as never) ?? [])];
  const report = reports[0];
  if (!report) return undefined;
  const template = deprecatedApi.messages[report.messageId];
  return { messageId: report.messageId, message: template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String((report.data as Record<string, unknown>)[name])) };
}

describe('served versions come from the catalogs', () => {
  it('the generated table lists the bundled minors and what each serves', () => {
    expect(BUNDLED_MINORS).toEqual(MINORS);
    for (const version of MINORS) {
      const served = catalogServes(version);
      for (const gvk of everServed()) {
        const [apiVersion = '', kind = ''] = gvk.split(' ');
        expect(servedIn(apiVersion, kind, version), `${gvk} in ${version}`).toBe(served.has(gvk));
      }
    }
    expect(Object.keys(SERVED_BY).sort()).toEqual(everServed());
  });

  it('knows when group/versions came and went', () => {
    const serves = (version: string, apiVersion: string, kind: string): boolean => loadCatalog(version).findResource(apiVersion, kind) !== undefined;
    expect(MINORS.filter((v) => serves(v, 'flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'))).toEqual(['1.28', '1.29', '1.30']);
    expect(MINORS.filter((v) => serves(v, 'flowcontrol.apiserver.k8s.io/v1', 'FlowSchema'))[0]).toBe('1.29');
    expect(MINORS.filter((v) => serves(v, 'admissionregistration.k8s.io/v1', 'ValidatingAdmissionPolicy'))[0]).toBe('1.30');
    expect(MINORS.filter((v) => serves(v, 'resource.k8s.io/v1', 'ResourceClaim'))[0]).toBe('1.34');
    expect(MINORS.filter((v) => serves(v, 'flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema'))).toEqual(['1.28']);
  });
});

describe('deprecated API table', () => {
  it('is well formed', () => {
    const keys = DEPRECATED_APIS.map((d) => key(d.apiVersion, d.kind));
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    for (const d of DEPRECATED_APIS) {
      expect(d.removedIn, key(d.apiVersion, d.kind)).toMatch(/^1\.\d+$/);
      expect(versionAtLeast(d.removedIn, d.deprecatedIn), key(d.apiVersion, d.kind)).toBe(true);
      expect(d.replacement).not.toBe(d.apiVersion);
    }
  });

  it('writes a removal release only where the catalogs cannot tell it, and never against them', () => {
    const oldest = MINORS[0] ?? '';
    const written = [
      ...ROWS.flatMap(([apiVersion, kinds, , , removedIn]) => kinds.map((kind) => ({ apiVersion, kind, removedIn }))),
      ...NO_SUCCESSOR.map((d) => ({ apiVersion: d.apiVersion, kind: d.kind, removedIn: d.removedIn as string | undefined })),
    ];
    const wrong: string[] = [];
    for (const { apiVersion, kind, removedIn } of written) {
      const gvk = key(apiVersion, kind);
      const derived = removalFromCatalogs(apiVersion, kind);
      const servedBy = MINORS.filter((v) => catalogServes(v).has(gvk));
      if (derived !== undefined && removedIn !== undefined) wrong.push(`${gvk}: removal ${removedIn} written, the catalogs say ${derived}`);
      if (derived === undefined && removedIn === undefined) wrong.push(`${gvk}: the catalogs cannot tell the removal release; write it`);
      if (removedIn === undefined) continue;
      const last = servedBy.at(-1);
      if (last === undefined && versionAtLeast(removedIn, oldest) && removedIn !== oldest) wrong.push(`${gvk}: removed in ${removedIn}, yet no bundled minor serves it`);
      if (last !== undefined && versionAtLeast(last, removedIn)) wrong.push(`${gvk}: removed in ${removedIn}, yet ${last} serves it`);
      const firstAfter = MINORS.find((v) => last !== undefined && versionAtLeast(v, last) && v !== last);
      if (firstAfter !== undefined && !versionAtLeast(firstAfter, removedIn)) wrong.push(`${gvk}: removed in ${removedIn}, after ${firstAfter}, which does not serve it`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(MINORS)('agrees with the catalog of Kubernetes %s', (version) => {
    const served = catalogServes(version);
    const wrong: string[] = [];
    for (const d of DEPRECATED_APIS) {
      const gvk = key(d.apiVersion, d.kind);
      const found = verdict(d.apiVersion, d.kind, version);
      const removed = found?.messageId.startsWith('removed') === true;
      // Not served and not removed: a minor before the first that serves it (unknown-api reports it).
      const notYet = !served.has(gvk) && !removed && found === undefined && MINORS.some((v) => versionAtLeast(v, version) && v !== version && catalogServes(v).has(gvk));
      if (removed === served.has(gvk) && !notYet) wrong.push(`${gvk}: ${found?.message ?? 'no finding'}, but the catalog ${served.has(gvk) ? 'serves' : 'does not serve'} it`);
      if (found?.messageId.startsWith('deprecated') && !versionAtLeast(version, d.deprecatedIn)) wrong.push(`${gvk}: deprecated before ${d.deprecatedIn}`);
      // A replacement that is an apiVersion must be served for the kind by the version told to use it.
      const replacement = replacementAt(d, version);
      if (found && !d.noDirectReplacement) {
        const [apiVersion = '', kind = d.kind] = replacement.split(' ');
        if (!served.has(key(apiVersion, kind))) wrong.push(`${gvk}: replacement ${replacement} is not served in ${version}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('unknown-api agrees with the catalogs', () => {
  it.each(MINORS)('Kubernetes %s: served kinds pass, kinds served only by other minors are not served', (version) => {
    const catalog = loadCatalog(version);
    const served = catalogServes(version);
    const wrong: string[] = [];
    for (const gvk of everServed()) {
      const [apiVersion = '', kind = ''] = gvk.split(' ');
      const status = lookupApi(catalog, apiVersion, kind, `Kubernetes ${version}`, new Set()).status;
      const expected = served.has(gvk) ? 'served' : 'not-served';
      if (status !== expected) wrong.push(`${gvk}: ${status}, expected ${expected}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the facts end to end', () => {
  const flowSchema = (apiVersion: string): string => `apiVersion: ${apiVersion}\nkind: FlowSchema\nmetadata:\n  name: a\nspec:\n  priorityLevelConfiguration:\n    name: global-default\n`;
  const findings = async (text: string, version: string): Promise<string[]> =>
    (await lintText(text, { kubernetesVersion: version })).findings.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`);

  it('flowcontrol.apiserver.k8s.io/v1beta3 is served, with a warning, by 1.30 and removed in 1.32', async () => {
    expect(await findings(flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'), '1.30')).toEqual([
      'warning deprecated-api: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema is deprecated since Kubernetes 1.29 and is removed in 1.32; use flowcontrol.apiserver.k8s.io/v1',
    ]);
    expect(await findings(flowSchema('flowcontrol.apiserver.k8s.io/v1beta3'), '1.32')).toEqual([
      'error deprecated-api: flowcontrol.apiserver.k8s.io/v1beta3 FlowSchema was removed in Kubernetes 1.32; use flowcontrol.apiserver.k8s.io/v1',
    ]);
  });

  it('names the replacement the target version serves', async () => {
    // flowcontrol v1 came in 1.29: under 1.28 the way off v1beta2 is v1beta3.
    expect(await findings(flowSchema('flowcontrol.apiserver.k8s.io/v1beta2'), '1.28')).toEqual([
      'warning deprecated-api: flowcontrol.apiserver.k8s.io/v1beta2 FlowSchema is deprecated since Kubernetes 1.26 and is removed in 1.29; use flowcontrol.apiserver.k8s.io/v1beta3',
    ]);
    expect(verdict('resource.k8s.io/v1alpha2', 'ResourceClass', '1.32')?.message).toBe('resource.k8s.io/v1alpha2 ResourceClass was removed in Kubernetes 1.31; use resource.k8s.io/v1beta1 DeviceClass');
    expect(verdict('resource.k8s.io/v1alpha2', 'ResourceClass', '1.34')?.message).toBe('resource.k8s.io/v1alpha2 ResourceClass was removed in Kubernetes 1.31; use resource.k8s.io/v1 DeviceClass');
  });

  it('ValidatingAdmissionPolicy in admissionregistration.k8s.io/v1 from 1.30, resource.k8s.io/v1 from 1.34', async () => {
    const vap = 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicy\nmetadata:\n  name: a\nspec: {}\n';
    expect(await findings(vap, '1.29')).toEqual(['error unknown-api: admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy is not served by Kubernetes 1.29; use admissionregistration.k8s.io/v1beta1']);
    expect(await findings(vap, '1.30')).toEqual([]);
    const claim = 'apiVersion: resource.k8s.io/v1\nkind: ResourceClaim\nmetadata:\n  name: a\nspec: {}\n';
    expect(await findings(claim, '1.33')).toEqual(['error unknown-api: resource.k8s.io/v1 ResourceClaim is not served by Kubernetes 1.33; use resource.k8s.io/v1beta2']);
    expect(await findings(claim, '1.34')).toEqual([]);
  });
});

describe.skipIf(!existsSync(OPENAPI))('deprecated API table agrees with the upstream OpenAPI documents', () => {
  /** Every `group/version Kind` an OpenAPI v2 document describes. */
  function upstreamKinds(version: string): Set<string> {
    const doc = JSON.parse(readFileSync(`${OPENAPI}v${version}/swagger.json`, 'utf8')) as {
      definitions: Record<string, { 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[] }>;
    };
    const out = new Set<string>();
    for (const def of Object.values(doc.definitions)) {
      for (const gvk of def['x-kubernetes-group-version-kind'] ?? []) out.add(`${gvk.group ? `${gvk.group}/` : ''}${gvk.version} ${gvk.kind}`);
    }
    return out;
  }
  for (const version of ['1.34', '1.35', '1.36']) {
    it.skipIf(!existsSync(`${OPENAPI}v${version}/swagger.json`))(`Kubernetes ${version}`, () => {
      const served = upstreamKinds(version);
      const wrong = DEPRECATED_APIS.filter((d) => versionAtLeast(version, d.removedIn) === served.has(key(d.apiVersion, d.kind))).map((d) => key(d.apiVersion, d.kind));
      expect(wrong).toEqual([]);
    });
  }
});

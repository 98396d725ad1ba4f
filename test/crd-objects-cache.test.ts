import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from './helpers/cache-dir.js';
import { crdObjectsIn } from '../src/engine/crd-objects.js';
import type { SourceFile } from '../src/types.js';
import { widgetCrd } from './helpers/manifests.js';

const crd = (group: string, max = '10') => widgetCrd({ group, maximum: max });

const file = (path: string, text: string): SourceFile => ({ path, text, language: 'yaml' });

describe('CRDs among the inputs, kept on disk by content', () => {
  const cacheDir = useTempCacheDir('k8s-lint-crds-');
  const cacheFiles = () => readdirSync(cacheDir()).filter((f) => f.startsWith('crds-'));

  it('reads a file seen before from the cache, and gives the same objects', () => {
    const input = [file('a.yaml', `${crd('example.com')}---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n`)];
    const first = crdObjectsIn(input);
    expect(first).toHaveLength(1);
    expect(cacheFiles()).toHaveLength(1);
    const cached = join(cacheDir(), cacheFiles()[0]!);
    expect(JSON.parse(readFileSync(cached, 'utf8'))).toEqual(first[0]);
    expect(crdObjectsIn(input)).toEqual(first);
    // Replaced by a marker, the cache file shows that it is what the second read returns.
    writeFileSync(cached, JSON.stringify({ marker: true }));
    expect(crdObjectsIn(input)).toEqual([{ marker: true }]);
  });

  it('keeps one entry per content and gives each CRD once', () => {
    const objects = crdObjectsIn([file('a.yaml', crd('a.example.com')), file('copy/a.yaml', crd('a.example.com')), file('b.yaml', `${crd('a.example.com')}---\n${crd('b.example.com')}`)]);
    expect(objects.map((o) => (o as { spec: { group: string } }).spec.group)).toEqual(['a.example.com', 'b.example.com']);
    expect(cacheFiles()).toHaveLength(2);
  });

  it('does not cache a file whose values JSON cannot carry', () => {
    const [object] = crdObjectsIn([file('inf.yaml', crd('example.com', '.inf'))]);
    expect((object as { spec: { versions: { schema: { openAPIV3Schema: { properties: { spec: { properties: { size: { maximum: number } } } } } } }[] } }).spec.versions[0]!.schema.openAPIV3Schema.properties.spec.properties.size.maximum).toBe(Infinity);
    expect(cacheFiles()).toHaveLength(0);
  });

  it('writes nothing when the cache is off', () => {
    process.env.K8S_LINT_CACHE_DIR = 'off';
    expect(crdObjectsIn([file('a.yaml', crd('example.com'))])).toHaveLength(1);
    expect(readdirSync(cacheDir())).toHaveLength(0);
  });
});

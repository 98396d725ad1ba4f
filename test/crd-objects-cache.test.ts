import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from './helpers/cache-dir.js';
import { crdObjectsIn } from '../src/engine/crd-objects.js';
import { lint, lintSources } from '../src/engine/lint.js';
import { defaultLintOptions } from '../src/engine/setup.js';
import { scanDocuments } from '../src/parse/fast/documents.js';
import { ParsedFiles } from '../src/parse/parsed-files.js';
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

  it('tells CRDs of the same name apart by their content', () => {
    const objects = crdObjectsIn([file('a.yaml', crd('example.com', '1')), file('b.yaml', crd('example.com', '2')), file('c.yaml', `# a copy\n${crd('example.com', '1')}`)]);
    // c.yaml is another file with a.yaml's CRD: the same object.
    expect(objects).toHaveLength(2);
  });
});

describe('CRD files parsed once in a run', () => {
  const cacheDir = useTempCacheDir('k8s-lint-crds-kept-');
  // Block style throughout, as CRDs are generated: the fast path reads it.
  const blockCrd = (max: string) =>
    crd('example.com', max)
      .replace('names: { kind: Widget, plural: widgets }', 'names:\n    kind: Widget\n    plural: widgets')
      .replace(/spec: \{ type: object, properties: \{ size: \{ type: integer, maximum: (\d+) \} \} \}/, 'spec:\n              type: object\n              properties:\n                size:\n                  type: integer\n                  maximum: $1');

  it('keeps the parse of each CRD file for the lint stage, which takes it once', () => {
    const input = [file('a.yaml', `${blockCrd('10')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n`), file('b.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: y\n')];
    const parsed = new ParsedFiles();
    const objects = crdObjectsIn(input, parsed);
    // Parsed instead of read from the cache, and not written to it: the lint stage reads the same parse.
    expect(readdirSync(cacheDir())).toHaveLength(0);
    const kept = parsed.take(input[0]!);
    expect(kept?.documents.map((d) => d.value)[0]).toBe(objects[0]);
    expect(kept?.documents).toHaveLength(2);
    expect(parsed.take(input[0]!)).toBeUndefined();
    expect(parsed.take(input[1]!)).toBeUndefined();
  });

  it('keeps no parse of a file the full parser reads: its documents hold syntax trees', () => {
    // An anchor sends the file to the full parser; the lint stage streams such a file again.
    const input = [file('a.yaml', blockCrd('10').replace('scope: Namespaced', 'scope: &scope Namespaced'))];
    const parsed = new ParsedFiles();
    const objects = crdObjectsIn(input, parsed);
    expect(objects).toHaveLength(1);
    expect(parsed.take(input[0]!)).toBeUndefined();
    // Read the usual way instead: parsed, and kept in the cache for the next run.
    expect(readdirSync(cacheDir()).filter((f) => f.startsWith('crds-'))).toHaveLength(1);
  });

  it('gives the findings a second parse gives, positions included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-crds-run-'));
    try {
      const text = `${blockCrd('3').replace('scope: Namespaced', 'scope: namespaced')}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 5\n  color: red\n`;
      // Read by the fast path, so the run keeps the parse made for the CRD and lints with it.
      expect(scanDocuments(text)).toBeDefined();
      writeFileSync(join(dir, 'all.yaml'), text);
      const once = await lint([dir], { jobs: 1 });
      const source = file(join(dir, 'all.yaml'), text);
      const twice = lintSources([source], await defaultLintOptions({ crdObjects: crdObjectsIn([source]) }));
      expect(once.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(['schema', 'crd-schema']));
      expect(once.findings.map(({ file: _f, ...f }) => f)).toEqual(twice.findings.map(({ file: _f, ...f }) => f));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

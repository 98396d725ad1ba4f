import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from './helpers/cache-dir.js';
import { lintSources } from '../src/engine/lint.js';
import { ScanCache, SCAN_CACHE_MIN_BYTES } from '../src/engine/scan-cache.js';
import { defaultLintOptions } from '../src/engine/setup.js';
import { scanDocuments } from '../src/parse/fast/documents.js';
import type { SourceFile } from '../src/types.js';

/** A multi-document file of `n` ConfigMaps, block style (the fast path reads it). */
function configMaps(n: number, extra = ''): string {
  const docs: string[] = [];
  for (let i = 0; i < n; i++) docs.push(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  labels:\n    app: demo\ndata:\n  key: "value ${i}"\n  count: "${i}"\n${extra}`);
  return docs.join('---\n');
}

const large = configMaps(400);

describe('scans of large files kept on disk', () => {
  const cacheDir = useTempCacheDir('k8s-lint-scan-');
  const entries = () => readdirSync(cacheDir()).filter((f) => f.startsWith('scan-'));

  it('marks a file first, keeps its scan the second time, and reads it back after that', () => {
    expect(large.length).toBeGreaterThan(SCAN_CACHE_MIN_BYTES);
    const scan = new ScanCache(cacheDir()).scanner('big.yaml');
    const first = scan(large);
    expect(entries()).toHaveLength(1);
    const file = join(cacheDir(), entries()[0]!);
    expect(readFileSync(file, 'latin1')).toBe(`mark:${large.length}`);
    expect(scan(large)).toEqual(first);
    expect(readFileSync(file).length).toBeGreaterThan(large.length / 4);
    const again = new ScanCache(cacheDir()).scanner('big.yaml')(large);
    expect(again).toEqual(scanDocuments(large));
    expect(again).toEqual(first);
    // An entry changed on disk (same key, another value) shows that the third read came from it.
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.from(bytes.toString('latin1').replace('config-0', 'config-X'), 'latin1'));
    const marked = new ScanCache(cacheDir()).scanner('big.yaml')(large);
    expect((marked?.[0]?.value as { metadata: { name: string } }).metadata.name).toBe('config-X');
    // An entry cut short is scanned again (and the file marked anew).
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    expect(new ScanCache(cacheDir()).scanner('big.yaml')(large)).toEqual(scanDocuments(large));
    expect(readFileSync(file, 'latin1')).toBe(`mark:${large.length}`);
  });

  it('keeps one entry per path: an edited file replaces its entry', () => {
    const cache = new ScanCache(cacheDir());
    cache.scanner('big.yaml')(large);
    cache.scanner('big.yaml')(large);
    const edited = large.replace('config-7', 'config-seven');
    const docs = cache.scanner('big.yaml')(edited);
    expect(entries()).toHaveLength(1);
    expect(docs).toEqual(scanDocuments(edited));
    expect(new ScanCache(cacheDir()).scanner('big.yaml')(edited)).toEqual(scanDocuments(edited));
    cache.scanner('other.yaml')(large);
    expect(entries()).toHaveLength(2);
  });

  it('keeps nothing for small files, files for the full parser, or values JSON cannot carry', () => {
    const cache = new ScanCache(cacheDir());
    expect(cache.scanner('small.yaml')(configMaps(2))).toEqual(scanDocuments(configMaps(2)));
    const anchored = `${large}---\na: &x 1\nb: *x\n`;
    expect(cache.scanner('anchored.yaml')(anchored)).toBeUndefined();
    const infinite = configMaps(400, '  limit: .inf\n').replace(/data:\n/g, 'spec:\n');
    cache.scanner('infinite.yaml')(infinite);
    const docs = cache.scanner('infinite.yaml')(infinite);
    expect((docs?.[0]?.value as { spec: { limit: number } }).spec.limit).toBe(Infinity);
    // The file is marked, and stays so: its scan is never kept.
    expect(entries().map((f) => readFileSync(join(cacheDir(), f), 'latin1'))).toEqual([`mark:${infinite.length}`]);
  });

  it('gives the same findings, at the same places, from the entry as from the scanner', async () => {
    const text = configMaps(400).replace('kind: ConfigMap\nmetadata:\n  name: config-3', 'kind: ConfigMap\nmetadata:\n  name: Config_3');
    const file: SourceFile = { path: 'big.yaml', text, language: 'yaml' };
    const options = await defaultLintOptions({});
    const first = lintSources([file], options);
    const second = lintSources([{ ...file }], options);
    expect(entries()).toHaveLength(1);
    expect(readFileSync(join(cacheDir(), entries()[0]!)).length).toBeGreaterThan(text.length / 4);
    const third = lintSources([{ ...file }], options);
    expect(first.findings.length).toBeGreaterThan(0);
    expect(second.findings).toEqual(first.findings);
    expect(third.findings).toEqual(first.findings);
    process.env.K8S_LINT_CACHE_DIR = 'off';
    expect(lintSources([{ ...file }], options).findings).toEqual(first.findings);
  });
});

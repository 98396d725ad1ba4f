import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from './helpers/cache-dir.js';
import type { SchemaNode } from '../src/schema/catalog-types.js';
import { cachedCompiler } from '../src/schema/compiled-cache.js';

const widget = (maxReplicas: number): Record<string, SchemaNode> => ({
  'com.example.v1.Widget': {
    type: 'object',
    properties: {
      spec: { type: 'object', properties: { replicas: { type: 'integer', maximum: maxReplicas }, size: { $ref: 'com.example.v1.Size' } } },
    },
  },
  'com.example.v1.Size': { type: 'string', pattern: '^[0-9]+Gi$' },
});

describe('validators compiled once per content and kept on disk', () => {
  const cacheDir = useTempCacheDir('k8s-lint-cache-');

  const validatorFiles = () => readdirSync(cacheDir()).filter((f) => f.startsWith('validator-') && f.endsWith('.js'));

  it('writes a validator on first use and reads the same file afterwards', () => {
    const first = cachedCompiler(widget(3)).validator('com.example.v1.Widget')!;
    expect(first({ spec: { replicas: 2, size: '10Gi' } })).toBe(true);
    expect(first({ spec: { replicas: 5, size: 'big' } })).toBe(false);
    expect(first.errors?.map((e) => `${e.instancePath} ${e.keyword}`)).toEqual(['/spec/replicas maximum', '/spec/size pattern']);
    expect(validatorFiles()).toHaveLength(1);
    // The second compiler finds the file: replaced by a marker, it shows that the file is what runs.
    const [file] = validatorFiles();
    writeFileSync(join(cacheDir(), file!), "module.exports.v0 = () => 'from the cache';\n");
    const second = cachedCompiler(widget(3)).validator('com.example.v1.Widget')!;
    expect((second as unknown as () => string)()).toBe('from the cache');
  });

  it('keys the file by the schemas the code depends on, referenced ones included', () => {
    cachedCompiler(widget(3)).validator('com.example.v1.Widget');
    cachedCompiler(widget(4)).validator('com.example.v1.Widget');
    const changedRef = { ...widget(3), 'com.example.v1.Size': { type: 'string', pattern: '^[0-9]+Mi$' } } as Record<string, SchemaNode>;
    cachedCompiler(changedRef).validator('com.example.v1.Widget');
    expect(validatorFiles()).toHaveLength(3);
  });

  it('answers undefined for an unknown definition and writes nothing when the cache is off', () => {
    process.env.K8S_LINT_CACHE_DIR = 'off';
    const compiler = cachedCompiler(widget(3));
    expect(compiler.validator('com.example.v1.Nothing')).toBeUndefined();
    expect(compiler.validator('com.example.v1.Widget')!({ spec: { replicas: 9 } })).toBe(false);
    expect(validatorFiles()).toHaveLength(0);
  });
});

import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempCacheDir } from './helpers/cache-dir.js';
import { compileCached, saveCodeCaches } from '../src/schema/code-cache.js';

/** A script with a function V8 compiles lazily, on its first call. */
const code = `(function () { return function inner(n) { let s = 0; for (let i = 0; i < n; i++) s += i * ${Math.random()}; return s > -1; }; })`;

describe('code caches written once the script has run', () => {
  const cacheDir = useTempCacheDir('k8s-lint-v8cache-');

  const caches = () => readdirSync(cacheDir()).filter((f) => f.endsWith('.v8cache'));

  it('writes nothing until saved, then a cache that the next compile accepts', () => {
    const script = compileCached(code, 'inner.js');
    const inner = (script.runInThisContext() as () => (n: number) => boolean)();
    expect(inner(10)).toBe(true);
    expect(caches()).toHaveLength(0);
    saveCodeCaches();
    expect(caches()).toHaveLength(1);
    const again = compileCached(code, 'inner.js');
    expect(again.cachedDataRejected).toBe(false);
    // Saving again writes nothing new: the accepted cache is not pending.
    const before = statSync(join(cacheDir(), caches()[0]!)).mtimeMs;
    saveCodeCaches();
    expect(statSync(join(cacheDir(), caches()[0]!)).mtimeMs).toBe(before);
  });

  it('keys the cache by the key given instead of the code', () => {
    compileCached(code, 'a.js', 'same-key');
    saveCodeCaches();
    compileCached(`${code};`, 'b.js', 'other-key');
    saveCodeCaches();
    expect(caches()).toHaveLength(2);
    expect(compileCached(code, 'a.js', 'same-key').cachedDataRejected).toBe(false);
  });

  it('writes nothing when the cache is off', () => {
    process.env.K8S_LINT_CACHE_DIR = 'off';
    compileCached(code, 'off.js');
    saveCodeCaches();
    expect(readdirSync(cacheDir())).toHaveLength(0);
  });
});

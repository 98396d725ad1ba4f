import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileCached, saveCodeCaches } from '../src/schema/code-cache.js';

/** A script with a function V8 compiles lazily, on its first call. */
const code = `(function () { return function inner(n) { let s = 0; for (let i = 0; i < n; i++) s += i * ${Math.random()}; return s > -1; }; })`;

describe('code caches written once the script has run', () => {
  let dir: string;
  let saved: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'k8s-lint-v8cache-'));
    saved = process.env.K8S_LINT_CACHE_DIR;
    process.env.K8S_LINT_CACHE_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.K8S_LINT_CACHE_DIR;
    else process.env.K8S_LINT_CACHE_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  const caches = () => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

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
    const before = statSync(join(dir, caches()[0]!)).mtimeMs;
    saveCodeCaches();
    expect(statSync(join(dir, caches()[0]!)).mtimeMs).toBe(before);
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
    expect(readdirSync(dir)).toHaveLength(0);
  });
});

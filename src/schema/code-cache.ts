import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Where compiled-code caches live: $K8S_LINT_CACHE_DIR, else $XDG_CACHE_HOME/k8s-lint, else
 * ~/.cache/k8s-lint. `K8S_LINT_CACHE_DIR=off` turns the cache off.
 */
export function cacheDir(): string | undefined {
  const explicit = process.env.K8S_LINT_CACHE_DIR;
  if (explicit === 'off') return undefined;
  if (explicit) return explicit;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'k8s-lint');
}

/**
 * Compiles a large generated script with V8's code cache. Parsing the 2 MB of precompiled
 * validators is most of a one-file run's start-up; with the cache, V8 skips it. The cache is keyed
 * by the code itself and by the Node.js version, V8 rejects a cache that does not fit (then the
 * script is compiled as usual and the cache rewritten), and any failure to read or write it is
 * ignored: it only ever changes how fast the same code loads.
 */
export function compileCached(code: string, filename: string): Script {
  const dir = cacheDir();
  const key = createHash('sha256').update(process.version).update(process.arch).update(code).digest('hex').slice(0, 24);
  const file = dir ? join(dir, `${key}.v8cache`) : undefined;
  let cachedData: Buffer | undefined;
  if (file) {
    try {
      cachedData = readFileSync(file);
    } catch {
      cachedData = undefined;
    }
  }
  const script = new Script(code, { filename, ...(cachedData ? { cachedData } : {}) });
  if (file && dir && (!cachedData || script.cachedDataRejected)) {
    try {
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, file);
    } catch {
      // A read-only or full disk only costs the speed-up.
    }
  }
  return script;
}

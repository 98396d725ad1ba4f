import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

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
 * Writes one file of the cache, whole or not at all (a temporary file renamed into place, named
 * after this process and thread, so that workers writing the same entry never mix their bytes).
 * `data` is called inside the guard: any failure only costs the speed-up (a read-only or full disk).
 */
export function writeCacheFile(dir: string, file: string, data: () => string | Uint8Array): void {
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, data());
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk only costs the speed-up.
  }
}

/** Scripts compiled without a usable cache, whose cache is written once they have run. */
const pending = new Map<string, Script>();

/**
 * Writes the code cache of every script compiled without one. Called once the scripts have run
 * (at exit): V8 then includes the functions compiled lazily during the run, which for a validator
 * is most of its code, so the next run neither parses nor compiles them.
 */
export function saveCodeCaches(): void {
  const dir = cacheDir();
  if (dir === undefined) return;
  for (const [file, script] of pending) writeCacheFile(dir, file, () => script.createCachedData());
  pending.clear();
}

/**
 * Compiles a large generated script with V8's code cache. Parsing the 2 MB of precompiled
 * validators is most of a one-file run's start-up; with the cache, V8 skips it. The cache is keyed
 * by the code itself and by the Node.js version, V8 rejects a cache that does not fit (then the
 * script is compiled as usual and the cache rewritten at exit, see saveCodeCaches), and any failure
 * to read or write it is ignored: it only ever changes how fast the same code loads.
 */
export function compileCached(code: string, filename: string, codeKey?: string): Script {
  const dir = cacheDir();
  // `codeKey`, when given, already names the code exactly (a hash of what it was generated from).
  const key = createHash('sha256')
    .update(process.version)
    .update(process.arch)
    .update(codeKey ?? code)
    .digest('hex')
    .slice(0, 24);
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
  if (file && (!cachedData || script.cachedDataRejected)) {
    if (pending.size === 0) process.once('exit', saveCodeCaches);
    pending.set(file, script);
  }
  return script;
}

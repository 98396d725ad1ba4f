import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * Points K8S_LINT_CACHE_DIR at a fresh temporary folder for each test of the calling file, and puts
 * the variable back afterwards. Returns a getter for the folder of the test running.
 */
export function useTempCacheDir(prefix: string): () => string {
  let dir = '';
  let saved: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    saved = process.env.K8S_LINT_CACHE_DIR;
    process.env.K8S_LINT_CACHE_DIR = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.K8S_LINT_CACHE_DIR;
    else process.env.K8S_LINT_CACHE_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

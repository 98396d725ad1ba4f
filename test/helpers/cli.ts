import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/k8s-lint.js', import.meta.url));

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Spawns the built CLI as a user would, with colour off unless the test sets it. */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NO_COLOR: '1', ...(options.env ?? {}) };
  delete env.FORCE_COLOR;
  // Outside a test that asks for it, CI's own GITHUB_ACTIONS must not change the output format.
  if (!options.env?.GITHUB_ACTIONS) delete env.GITHUB_ACTIONS;
  if (options.env?.FORCE_COLOR) {
    env.FORCE_COLOR = options.env.FORCE_COLOR;
    delete env.NO_COLOR;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

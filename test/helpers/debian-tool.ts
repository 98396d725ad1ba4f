import { spawnSync } from 'node:child_process';

function has(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' }).status === 0;
}

/**
 * Makes a Debian-packaged tool available for a test: already there, or installed with apt-get when
 * running as root (tests of integrations need the real tool). Returns a reason when it cannot be had,
 * for a clean skip; K8S_LINT_NO_APT=1 forbids installing.
 */
export function ensureDebianTool(binary: string, pkg: string): { ok: true } | { ok: false; reason: string } {
  if (has(binary)) return { ok: true };
  if (process.env.K8S_LINT_NO_APT === '1') return { ok: false, reason: `${binary} is not installed (K8S_LINT_NO_APT=1)` };
  if (process.getuid?.() !== 0) return { ok: false, reason: `${binary} is not installed and installing ${pkg} needs root` };
  if (!has('apt-get')) return { ok: false, reason: `${binary} is not installed and there is no apt-get` };
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let install = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { encoding: 'utf8', env, timeout: 240_000 });
  if (install.status !== 0) {
    // The package lists may be missing on a fresh machine.
    spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env, timeout: 120_000 });
    install = spawnSync('apt-get', ['install', '-y', '-qq', pkg], { encoding: 'utf8', env, timeout: 240_000 });
  }
  if (install.status !== 0 || !has(binary)) {
    return { ok: false, reason: `${binary} could not be installed (apt-get install ${pkg}: ${(install.stderr || install.stdout || 'no output').trim().split('\n').pop()})` };
  }
  return { ok: true };
}

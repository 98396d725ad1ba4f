/** Which files hold kubectl command lines, and how to read them. */
import type { CommandLanguage } from './region.js';

const SHEBANG = /^#![ \t]*(?:\/usr)?\/bin\/(?:env[ \t]+)?(?:sh|bash|zsh|dash|ksh)\b/;

function baseName(path: string): string {
  return path.replace(/\\/g, '/').split('/').pop() ?? path;
}

/**
 * `.sh`/`.bash`/`.zsh` and shell shebangs, `Makefile`/`*.mk`, `.md`/`.markdown`, `.txt` notes,
 * `.github/workflows/*.yml` and `.gitlab-ci.yml`. Anything else (manifests included) is not ours.
 */
export function detectCommandLanguage(path: string, text: string): CommandLanguage | undefined {
  const normalized = path.replace(/\\/g, '/');
  const name = baseName(normalized);
  const lower = name.toLowerCase();
  if (/\.(sh|bash|zsh)$/.test(lower)) return 'shell';
  if (name === 'Makefile' || name === 'makefile' || name === 'GNUmakefile' || lower.endsWith('.mk')) return 'makefile';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  if (lower.endsWith('.txt')) return 'text';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(normalized)) return 'ci-yaml';
  if (lower === '.gitlab-ci.yml' || lower === '.gitlab-ci.yaml') return 'ci-yaml';
  // Scripts without a .sh name (bin/deploy, run.command) announce themselves with a shebang.
  if (SHEBANG.test(text)) return 'shell';
  return undefined;
}

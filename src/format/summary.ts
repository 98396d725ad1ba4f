import type { LintResult } from '../types.js';
import type { Colors } from './colors.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : word.endsWith('x') ? 'es' : 's'}`;
}

/**
 * `3 files, 7 resources: 2 errors, 1 warning`, and `, 2 infos` when there are notes (never counted in the exit code);
 * ` (4 fixes applied)` after a `--fix` run.
 */
export function summaryLine({ summary }: LintResult, c: Colors): string {
  const infos = summary.infos > 0 ? `, ${plural(summary.infos, 'info')}` : '';
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${infos}`;
  const colored = summary.errors > 0 ? c.red(counts) : summary.warnings > 0 ? c.yellow(counts) : c.green(counts);
  const fixed = summary.fixed !== undefined ? ` (${plural(summary.fixed, 'fix')} applied)` : '';
  return `${plural(summary.files, 'file')}, ${plural(summary.resources, 'resource')}: ${colored}${fixed}`;
}

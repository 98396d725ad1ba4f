import type { LintResult } from '../types.js';
import type { Colors } from './colors.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 files, 7 resources: 2 errors, 1 warning` */
export function summaryLine({ summary }: LintResult, c: Colors): string {
  const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}`;
  const colored = summary.errors > 0 ? c.red(counts) : summary.warnings > 0 ? c.yellow(counts) : c.green(counts);
  return `${plural(summary.files, 'file')}, ${plural(summary.resources, 'resource')}: ${colored}`;
}

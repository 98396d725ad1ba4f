import type { LintResult } from '../types.js';
import { colors } from './colors.js';
import { formatCompact } from './compact.js';
import type { ReportContext } from './context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const FORMAT_NAMES = ['compact', 'github', 'json', 'junit', 'sarif', 'stylish'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
export type { ReportContext } from './context.js';

export interface FormatInput {
  result: LintResult;
  sources: ReadonlyMap<string, string>;
  color: boolean;
  /** Rule metadata and paths; formats that need them fall back to the working directory and no metadata. */
  context?: Partial<ReportContext>;
}

function fullContext(context: Partial<ReportContext> | undefined): ReportContext {
  const cwd = context?.cwd ?? process.cwd();
  return { rules: context?.rules ?? [], cwd, root: context?.root ?? cwd, toolVersion: context?.toolVersion ?? '0.0.0' };
}

/** Every formatter is a pure function of the same results (and, for some, the report context). */
export function formatResult(name: FormatName, input: FormatInput): string {
  switch (name) {
    case 'compact':
      return formatCompact(input.result);
    case 'github':
      return formatGithub(input.result, fullContext(input.context));
    case 'json':
      return formatJson(input.result);
    case 'junit':
      return formatJunit(input.result);
    case 'sarif':
      return formatSarif(input.result, fullContext(input.context));
    case 'stylish':
      return formatStylish({ result: input.result, sources: input.sources, colors: colors(input.color) });
  }
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

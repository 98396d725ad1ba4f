import type { LintResult } from '../types.js';
import { colors } from './colors.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export const FORMAT_NAMES = ['json', 'stylish'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export interface FormatInput {
  result: LintResult;
  sources: ReadonlyMap<string, string>;
  color: boolean;
}

/** Every formatter is a pure function of the same results. */
export function formatResult(name: FormatName, input: FormatInput): string {
  switch (name) {
    case 'json':
      return formatJson(input.result);
    case 'stylish':
      return formatStylish({ result: input.result, sources: input.sources, colors: colors(input.color) });
  }
}

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

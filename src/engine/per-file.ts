/** One file through the pipeline, as plain data that can come back from a worker thread. */
import { directiveRangesOf, type DirectiveRange } from '../suppress/index.js';
import type { SourceFile } from '../types.js';
import type { FileLintResult, FileLintSettings } from './lint-file.js';
import { lintByLanguage } from './lint-languages.js';

/** Everything one file contributes to a run; plain data, so it can come back from a worker thread. */
export interface PerFileResult extends FileLintResult {
  path: string;
  /** Suppression comments of the file, resolved to line ranges. */
  directives?: DirectiveRange[];
  /** The text, kept only when the file has findings (for code frames). */
  text?: string;
}

export function lintOneFile(file: SourceFile, settings: FileLintSettings): PerFileResult {
  const result = lintByLanguage(file, settings);
  const directives = directiveRangesOf(file);
  return { ...result, path: file.path, ...(directives.length > 0 ? { directives } : {}), ...(result.findings.length > 0 ? { text: file.text } : {}) };
}

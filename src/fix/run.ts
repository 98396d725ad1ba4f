/**
 * `--fix`: lint, apply the fixes that do not overlap, lint the new texts again, and repeat until
 * nothing is left to fix or MAX_PASSES is reached, as ESLint does. Nothing here writes files: the
 * caller gets every file's text before and after, and the result of linting the fixed texts.
 */
import { lintFiles, readInputs } from '../engine/lint.js';
import type { LintOptions } from '../engine/options.js';
import type { Finding, LintResult, SourceFile } from '../types.js';
import { applyFixes } from './apply.js';

/** Enough for a fix that enables another (tabs first, then an apiVersion), few enough to stop a loop. */
export const MAX_PASSES = 10;

export interface FixedFile {
  path: string;
  before: string;
  after: string;
  /** Fixes applied to this file, over every pass. */
  applied: number;
}

export interface FixRun {
  /** The lint result of the fixed texts, with `summary.fixed` set. */
  result: LintResult;
  /** Every file read, in input order; `before === after` when nothing was fixed. */
  files: FixedFile[];
}

/** Which findings' fixes to apply (all by default). */
export type FixFilter = (finding: Finding) => boolean;

function byFile(findings: readonly Finding[], only: FixFilter): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.fix || !only(f)) continue;
    let list = out.get(f.file);
    if (!list) out.set(f.file, (list = []));
    list.push(f);
  }
  return out;
}

export interface FixSettings {
  /** Which findings' fixes to apply (all by default). */
  only?: FixFilter;
  /** Notes for the summary (files skipped while reading the inputs). */
  notices?: readonly string[];
  /** Passes of fix and re-lint at most (MAX_PASSES by default). */
  maxPasses?: number;
}

/** Fixes already-read files; see the module comment. */
export async function fixSources(files: readonly SourceFile[], options: LintOptions = {}, settings: FixSettings = {}): Promise<FixRun> {
  const { only = () => true, notices = [], maxPasses = MAX_PASSES } = settings;
  const current = files.map((f) => ({ ...f }));
  const applied = new Map<string, number>();
  let result = await lintFiles(current, options, notices);
  for (let pass = 0; pass < maxPasses; pass++) {
    const fixable = byFile(result.findings, only);
    let changed = false;
    for (const file of current) {
      const list = fixable.get(file.path);
      if (!list || file.decodeError) continue;
      const done = applyFixes(file.text, list);
      if (done.applied.length === 0 || done.text === file.text) continue;
      file.text = done.text;
      applied.set(file.path, (applied.get(file.path) ?? 0) + done.applied.length);
      changed = true;
    }
    if (!changed) break;
    result = await lintFiles(current, options, notices);
  }
  let total = 0;
  for (const n of applied.values()) total += n;
  return {
    result: { ...result, summary: { ...result.summary, fixed: total } },
    files: current.map((f, i) => ({ path: f.path, before: files[i]!.text, after: f.text, applied: applied.get(f.path) ?? 0 })),
  };
}

/** Reads paths as `lint()` does (`-` for standard input) and fixes them. */
export async function fixPaths(paths: readonly string[], options: LintOptions = {}, settings: Omit<FixSettings, 'notices'> = {}): Promise<FixRun> {
  const { files, notices } = readInputs(paths, options);
  return fixSources(files, options, { ...settings, notices });
}

/** The library's entry points: lint paths, already-read sources or one text. */
import { availableParallelism } from 'node:os';
import { expandInputs, type ExpandOptions } from '../input/files.js';
import type { LintResult, SourceFile } from '../types.js';
import { ParsedFiles } from '../parse/parsed-files.js';
import { aggregate } from './aggregate.js';
import { declaresCrds } from './crd-objects.js';
import type { LintOptions } from './options.js';
import { lintOneFile } from './per-file.js';
import { withPodSecurity } from './pod-security.js';
import { fileSettings, resolveRuleSettings } from './settings.js';
import { checkSchemaOptions, crdObjectsIn, defaultLintOptions } from './setup.js';

export { BUNDLED_KUBERNETES_VERSIONS, DEFAULT_KUBERNETES_VERSION, type LintOptions, type PresetName, type RuleConfigValue } from './options.js';

/** Lints already-read sources in this thread. The same pipeline as `lint()` without the file system. */
export function lintSources(files: readonly SourceFile[], given: LintOptions = {}, extraNotices: readonly string[] = []): LintResult {
  return lintInThread(files, given, extraNotices);
}

/** `lintSources`, taking the parses of files read before (see withInputCrds) instead of parsing them again. */
function lintInThread(files: readonly SourceFile[], given: LintOptions, extraNotices: readonly string[], parsed?: ParsedFiles): LintResult {
  const options = withPodSecurity(files, given);
  const perFile = { ...fileSettings(options, resolveRuleSettings(options)), ...(parsed ? { parsed } : {}) };
  return aggregate(
    files.map((f, i) => {
      const result = lintOneFile(f, perFile);
      options.onProgress?.(i + 1, files.length);
      return result;
    }),
    options,
    extraNotices,
  );
}

/**
 * Below this much input, starting worker threads costs more than it saves. CRD files do not count:
 * every lane converts every CRD and loads its own validators, so on a repository that is mostly
 * CRDs a second lane costs more than the share of the work it takes.
 */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
const PARALLEL_MIN_FILES = 64;

/** The files a run reads, after the configuration's ignore patterns, and notes on what was skipped. */
export interface ReadInputs {
  files: SourceFile[];
  notices: string[];
}

/** Expands paths (`-` for standard input) into files. Throws UsageError for a path that does not exist. */
export function readInputs(paths: readonly string[], options: LintOptions = {}): ReadInputs {
  const expandOptions: ExpandOptions = {
    ...(options.markdown !== undefined ? { markdown: options.markdown } : {}),
    ...(options.commands !== undefined ? { commands: options.commands } : {}),
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
  };
  const expanded = expandInputs(paths, expandOptions);
  const { failures, notices } = expanded;
  const skipped = failures.map((f) => `${f.path}: skipped, ${f.reason}`);
  const { isIgnored } = options;
  const files = isIgnored ? expanded.files.filter((f) => f.path === '<stdin>' || !isIgnored(f.path)) : expanded.files;
  if (files.length < expanded.files.length) {
    const n = expanded.files.length - files.length;
    skipped.push(`${n} file${n === 1 ? '' : 's'} skipped by the ignore patterns of the configuration`);
  }
  return { files, notices: [...notices, ...skipped] };
}

/**
 * Options with the CustomResourceDefinitions found among the inputs added: they validate the
 * custom resources of the same run. With `parsed`, the CRD files' parses are kept there for the
 * lint stage of this thread.
 */
function withInputCrds(files: readonly SourceFile[], options: LintOptions, parsed?: ParsedFiles): LintOptions {
  const found = options.schema === false ? [] : crdObjectsIn(files, parsed);
  return found.length > 0 ? { ...options, crdObjects: [...(options.crdObjects ?? []), ...found] } : options;
}

/** Lints files already read, in this thread, with the schema stage the options ask for. */
export async function lintFiles(files: readonly SourceFile[], options: LintOptions = {}, notices: readonly string[] = []): Promise<LintResult> {
  const { isIgnored: _ignored, ...rest } = options;
  const parsed = new ParsedFiles();
  return lintInThread(files, await defaultLintOptions(withInputCrds(files, rest, parsed)), notices, parsed);
}

/**
 * Lints files and directories (`-` for standard input). Large inputs are spread over `jobs` worker
 * threads (default: the number of cores); the result is the same, byte for byte, whatever `jobs` is.
 * Throws UsageError for a path that does not exist.
 */
export async function lint(paths: readonly string[], options: LintOptions & { jobs?: number } = {}): Promise<LintResult> {
  const { files, notices } = readInputs(paths, options);
  const { isIgnored: _ignored, onProgress: _progress, ...rest } = options;
  // Functions cannot cross into worker threads: progress is passed to the thread pool separately.
  const { jobs: requested, ...lintOptions } = rest;
  const jobs = requested ?? availableParallelism();
  const bytes = files.reduce((n, f) => n + (declaresCrds(f) ? 0 : f.text.length), 0);
  const parallel = jobs > 1 && files.length >= PARALLEL_MIN_FILES && bytes >= PARALLEL_MIN_BYTES;
  // Parses are kept for the lint stage only when it runs in this thread.
  const parsed = parallel ? undefined : new ParsedFiles();
  // Namespace labels and the configuration's per-path levels become plain data that workers can take.
  const withCrds = withInputCrds(files, withPodSecurity(files, lintOptions), parsed);
  if (parallel) {
    await checkSchemaOptions(withCrds);
    const { lintInWorkers } = await import('./parallel.js');
    // This thread lints too, with the same options the workers build for themselves.
    const here = async () => {
      const full = await defaultLintOptions(withCrds);
      const perFile = fileSettings(full, resolveRuleSettings(full));
      return (f: SourceFile) => lintOneFile(f, perFile);
    };
    const results = await lintInWorkers(files, withCrds, jobs, here, options.onProgress);
    return aggregate(results, withCrds, notices);
  }
  const full = await defaultLintOptions(withCrds);
  return lintInThread(files, { ...full, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }, notices, parsed);
}

/** Lints one text as if it were a file named `file` (default `<text>`), with the same checks as `lint()`. */
export async function lintText(text: string, options: LintOptions & { file?: string } = {}): Promise<LintResult> {
  const { file = '<text>', ...rest } = options;
  const source: SourceFile = { path: file, text, language: 'yaml' };
  const parsed = new ParsedFiles();
  const full = await defaultLintOptions(withInputCrds([source], rest, parsed));
  return lintInThread([source], full, [], parsed);
}

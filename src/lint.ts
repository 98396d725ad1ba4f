import { availableParallelism } from 'node:os';
import { expandInputs, type ExpandOptions } from './files.js';
import { appendFacts, type FileLintResult, type FileLintSettings, type RuleSetting, type SchemaStage } from './lint-file.js';
import { lintByLanguage } from './lint-languages.js';
import { checkSchemaOptions, crdObjectsIn, defaultLintOptions } from './setup.js';
import { formatMessage } from './rules/define-rule.js';
import { allRuleMetas, resourceRules } from './rules/index.js';
import { applySuppressions, directiveRangesOf, suppressionRuleMetas, type DirectiveRange } from './suppress.js';
import type { Finding, JsonValue, LintResult, Severity, SourceFile } from './types.js';

export const DEFAULT_KUBERNETES_VERSION = '1.36';

export type RuleConfigValue = 'off' | Severity | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface LintOptions {
  /** Kubernetes minor version to check against (`1.36`). */
  kubernetesVersion?: string;
  /** Unknown fields are errors (default) or warnings. */
  strict?: boolean;
  /** Namespace of objects without one (default `default`). */
  namespace?: string;
  /** `recommended` (default) or `all` rules. */
  preset?: 'recommended' | 'all';
  /** Per-rule severity and options by rule id. */
  rules?: Record<string, RuleConfigValue>;
  /** Turn off the schema stage entirely. */
  schema?: boolean;
  /** Builds the schema stage; injected so the core does not load schemas it does not need. */
  schemaStage?: SchemaStage;
  markdown?: boolean;
  commands?: boolean;
  readStdin?: () => string | Uint8Array;
  /** CustomResourceDefinition files or directories whose schemas the schema stage adds. */
  crds?: string[];
  /** CustomResourceDefinition objects (those found among the inputs), added to the schema stage. */
  crdObjects?: JsonValue[];
  /** OpenAPI documents of the user's own cluster (`kubectl get --raw /openapi/v2`), files or directories. */
  schemaFiles?: string[];
  /** Objects of kinds with no schema are errors (`missing-schema`) instead of a notice. */
  requireSchemas?: boolean;
  /** Severity of `unused-disable-directive` reports (default `warning`); `off` drops them. */
  reportUnusedDisableDirectives?: Severity | 'off';
  /** Files to skip (the config's `ignore` globs), given each path as expanded from the inputs. */
  isIgnored?: (path: string) => boolean;
  /** Called after each file is linted in this thread, for a progress line on long runs. */
  onProgress?: (done: number, total: number) => void;
}

/** Every id a finding can carry: the checks of all stages plus the suppression stage's own. */
export function knownRuleIds(): Set<string> {
  return new Set(allRuleMetas().map((m) => m.id));
}

/** Effective severity and options of every rule id, after preset and config. */
export function resolveRuleSettings(options: LintOptions): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  for (const meta of allRuleMetas()) {
    const enabled = options.preset === 'all' || meta.recommended;
    if (enabled) settings.set(meta.id, { severity: meta.severity, options: { ...(meta.defaultOptions ?? {}) } });
  }
  for (const [id, value] of Object.entries(options.rules ?? {})) {
    const meta = allRuleMetas().find((m) => m.id === id);
    if (!meta) continue;
    const severity = typeof value === 'string' ? value : value.severity;
    if (severity === 'off') {
      settings.delete(id);
      continue;
    }
    const current = settings.get(id) ?? { severity: meta.severity, options: { ...(meta.defaultOptions ?? {}) } };
    settings.set(id, {
      severity: severity ?? current.severity,
      options: typeof value === 'object' && value.options ? { ...current.options, ...value.options } : current.options,
    });
  }
  return settings;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/** Applies severities from the settings and drops findings of rules that are off. */
function applySettings(findings: readonly Finding[], settings: Map<string, RuleSetting>): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId === 'internal-error') {
      out.push(f);
      continue;
    }
    const setting = settings.get(f.ruleId);
    if (!setting) continue;
    // A rule may lower a report to a warning (deprecated vs removed); config raises or lowers the whole rule.
    out.push(f.severity === 'error' || f.severity === setting.severity ? { ...f, severity: setting.severity } : f);
  }
  return out;
}

export function fileSettings(options: LintOptions, settings: Map<string, RuleSetting>): FileLintSettings {
  return {
    kubernetesVersion: options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    defaultNamespace: options.namespace ?? 'default',
    rules: resourceRules.filter((r) => settings.has(r.id)).map((rule) => ({ rule, setting: settings.get(rule.id)! })),
    ...(options.schemaStage ? { schema: options.schemaStage } : {}),
  };
}

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

/** Joins per-file results (in input order) into the run's result: cross-resource checks, severities, sorting. */
export function aggregate(results: readonly PerFileResult[], options: LintOptions, extraNotices: readonly string[] = []): LintResult {
  const settings = resolveRuleSettings(options);
  const perFile = fileSettings(options, settings);
  const findings: Finding[] = [];
  const facts = new Map<string, unknown[]>();
  const unchecked: { kind: string; reason: string }[] = [];
  let resources = 0;
  const fileNotices: string[] = [];
  // Plain loops, not push(...list): spreading a list of more than ~100,000 items into arguments
  // overflows the stack, and one hostile file can have that many findings.
  for (const result of results) {
    for (const f of result.findings) findings.push(f);
    resources += result.resources;
    for (const u of result.unchecked) unchecked.push(u);
    for (const n of result.notices ?? []) fileNotices.push(n);
    appendFacts(facts, result.facts);
  }
  for (const { rule, setting } of perFile.rules) {
    if (!rule.crossCheck) continue;
    const ctx = { options: setting.options, kubernetesVersion: perFile.kubernetesVersion, defaultNamespace: perFile.defaultNamespace };
    for (const r of rule.crossCheck(facts.get(rule.id) ?? [], ctx)) {
      findings.push({
        file: r.at.file,
        ruleId: rule.id,
        severity: r.severity ?? setting.severity,
        message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data),
        pointer: r.at.pointer,
        resource: r.at.resource,
        ...r.at.span,
        ...(r.hint ? { hint: r.hint } : {}),
      });
    }
  }
  // Files repeat some notices word for word (the CEL rules of a CRD that were not evaluated): once is enough.
  const notices = [...new Set([...extraNotices, ...fileNotices])];
  if (unchecked.length > 0) {
    const kinds = [...new Set(unchecked.map((u) => u.kind))].sort();
    notices.push(
      `${unchecked.length} resource${unchecked.length === 1 ? ' was' : 's were'} not schema-checked (no schema for ${kinds.join(', ')}); pass their CustomResourceDefinitions with --crds, or use --require-schemas to make this an error`,
    );
  }
  const final = applySuppressions(applySettings(findings, settings), {
    directives: results.flatMap((r) => r.directives ?? []),
    annotations: results.flatMap((r) => r.ignores ?? []),
    knownRuleIds: knownRuleIds(),
    unusedSeverity: options.reportUnusedDisableDirectives ?? suppressionRuleMetas[0]!.severity,
  }).sort(compareFindings);
  const withFindings = new Set(final.map((f) => f.file));
  const sources = new Map<string, string>();
  for (const r of results) if (r.text !== undefined && withFindings.has(r.path)) sources.set(r.path, r.text);
  return {
    sources,
    files: results.map((r) => ({ path: r.path, resources: r.refs ?? [] })),
    findings: final,
    summary: {
      files: results.length,
      resources,
      errors: final.filter((f) => f.severity === 'error').length,
      warnings: final.filter((f) => f.severity === 'warning').length,
      infos: final.filter((f) => f.severity === 'info').length,
      unchecked: unchecked.length,
      notices,
    },
  };
}

/** Lints already-read sources in this thread. The same pipeline as `lint()` without the file system. */
export function lintSources(files: readonly SourceFile[], options: LintOptions = {}, extraNotices: readonly string[] = []): LintResult {
  const perFile = fileSettings(options, resolveRuleSettings(options));
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

/** Below this much input, starting worker threads costs more than it saves. */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;
const PARALLEL_MIN_FILES = 64;

/**
 * Lints files and directories (`-` for standard input). Large inputs are spread over `jobs` worker
 * threads (default: the number of cores); the result is the same, byte for byte, whatever `jobs` is.
 * Throws UsageError for a path that does not exist.
 */
export async function lint(paths: readonly string[], options: LintOptions & { jobs?: number } = {}): Promise<LintResult> {
  const expandOptions: ExpandOptions = {
    ...(options.markdown !== undefined ? { markdown: options.markdown } : {}),
    ...(options.commands !== undefined ? { commands: options.commands } : {}),
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
  };
  const expanded = expandInputs(paths, expandOptions);
  const { failures, notices } = expanded;
  const skipped = failures.map((f) => `${f.path}: skipped, ${f.reason}`);
  const { isIgnored, onProgress: _progress, ...rest } = options;
  const files = isIgnored ? expanded.files.filter((f) => f.path === '<stdin>' || !isIgnored(f.path)) : expanded.files;
  if (files.length < expanded.files.length) {
    const n = expanded.files.length - files.length;
    skipped.push(`${n} file${n === 1 ? '' : 's'} skipped by the ignore patterns of the configuration`);
  }
  // Functions cannot cross into worker threads: progress is passed to the thread pool separately.
  const { jobs: requested, ...lintOptions } = rest;
  const jobs = requested ?? availableParallelism();
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  // CustomResourceDefinitions among the inputs validate the custom resources of the same run.
  const found = options.schema === false ? [] : crdObjectsIn(files);
  const withCrds: LintOptions = found.length > 0 ? { ...lintOptions, crdObjects: [...(lintOptions.crdObjects ?? []), ...found] } : lintOptions;
  if (jobs > 1 && files.length >= PARALLEL_MIN_FILES && bytes >= PARALLEL_MIN_BYTES) {
    await checkSchemaOptions(withCrds);
    const { lintInWorkers } = await import('./parallel.js');
    return aggregate(await lintInWorkers(files, withCrds, jobs, options.onProgress), withCrds, [...notices, ...skipped]);
  }
  const full = await defaultLintOptions(withCrds);
  return lintSources(files, { ...full, ...(options.onProgress ? { onProgress: options.onProgress } : {}) }, [...notices, ...skipped]);
}

/** Lints one text as if it were a file named `file` (default `<text>`), with the same checks as `lint()`. */
export async function lintText(text: string, options: LintOptions & { file?: string } = {}): Promise<LintResult> {
  const { file = '<text>', ...rest } = options;
  const source: SourceFile = { path: file, text, language: 'yaml' };
  const found = rest.schema === false ? [] : crdObjectsIn([source]);
  const full = await defaultLintOptions(found.length > 0 ? { ...rest, crdObjects: [...(rest.crdObjects ?? []), ...found] } : rest);
  return lintSources([source], full);
}

import { expandInputs, type ExpandOptions } from './files.js';
import { lintYamlFile, type FileLintResult, type FileLintSettings, type RuleSetting, type SchemaStage } from './lint-file.js';
import { formatMessage } from './rules/define-rule.js';
import { allRuleMetas, resourceRules } from './rules/index.js';
import type { Finding, LintResult, Severity, SourceFile } from './types.js';

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
  readStdin?: () => string;
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

function lintSource(file: SourceFile, settings: FileLintSettings): FileLintResult {
  return lintYamlFile(file, settings);
}

/** Lints already-read sources. The same pipeline as `lint()` without touching the file system. */
export function lintSources(files: readonly SourceFile[], options: LintOptions = {}, extraNotices: string[] = []): LintResult {
  const settings = resolveRuleSettings(options);
  const perFile = fileSettings(options, settings);
  const findings: Finding[] = [];
  const facts = new Map<string, unknown[]>();
  const unchecked: { kind: string; reason: string }[] = [];
  let resources = 0;
  for (const file of files) {
    const result = lintSource(file, perFile);
    findings.push(...result.findings);
    resources += result.resources;
    unchecked.push(...result.unchecked);
    for (const [id, list] of result.facts) {
      const all = facts.get(id);
      if (all) all.push(...list);
      else facts.set(id, [...list]);
    }
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
  const notices = [...extraNotices];
  if (unchecked.length > 0) {
    const kinds = [...new Set(unchecked.map((u) => u.kind))].sort();
    notices.push(
      `${unchecked.length} resource${unchecked.length === 1 ? ' was' : 's were'} not schema-checked (no schema for ${kinds.join(', ')}); pass their CustomResourceDefinitions with --crds, or use --require-schemas to make this an error`,
    );
  }
  const final = applySettings(findings, settings).sort(compareFindings);
  const withFindings = new Set(final.map((f) => f.file));
  const sources = new Map(files.filter((f) => withFindings.has(f.path)).map((f) => [f.path, f.text] as const));
  return {
    sources,
    findings: final,
    summary: {
      files: files.length,
      resources,
      errors: final.filter((f) => f.severity === 'error').length,
      warnings: final.filter((f) => f.severity === 'warning').length,
      infos: final.filter((f) => f.severity === 'info').length,
      unchecked: unchecked.length,
      notices,
    },
  };
}

/** Lints files and directories (`-` for standard input). Throws UsageError for a path that does not exist. */
export function lint(paths: readonly string[], options: LintOptions = {}): LintResult {
  const expandOptions: ExpandOptions = {
    ...(options.markdown !== undefined ? { markdown: options.markdown } : {}),
    ...(options.commands !== undefined ? { commands: options.commands } : {}),
    ...(options.readStdin ? { readStdin: options.readStdin } : {}),
  };
  const { files, failures, notices } = expandInputs(paths, expandOptions);
  const skipped = failures.map((f) => `${f.path}: skipped, ${f.reason}`);
  return lintSources(files, options, [...notices, ...skipped]);
}

/** Lints one text as if it were a file named `file` (default `<text>`). */
export function lintText(text: string, options: LintOptions & { file?: string } = {}): LintResult {
  return lintSources([{ path: options.file ?? '<text>', text, language: 'yaml' }], options);
}

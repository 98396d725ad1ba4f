/** The run-wide stages after every file is linted: cross-resource checks, severities, suppression, sorting, summary. */
import { formatMessage } from '../rules/define-rule.js';
import { applySuppressions, suppressionRuleMetas } from '../suppress/index.js';
import type { Finding, LintResult } from '../types.js';
import { appendFacts, type RuleSetting } from './lint-file.js';
import { catalogNotice, configFilesNotice, uncheckedNotice } from './notices.js';
import type { LintOptions } from './options.js';
import type { PerFileResult } from './per-file.js';
import { fileSettings, knownRuleIds, resolveRuleSettings } from './settings.js';

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

/** Joins per-file results (in input order) into the run's result: cross-resource checks, severities, sorting. */
export function aggregate(results: readonly PerFileResult[], options: LintOptions, extraNotices: readonly string[] = []): LintResult {
  const settings = resolveRuleSettings(options);
  const perFile = fileSettings(options, settings);
  const findings: Finding[] = [];
  const facts = new Map<string, unknown[]>();
  const unchecked: { kind: string; reason: string }[] = [];
  const catalog: string[] = [];
  let resources = 0;
  // Plain loops, not push(...list): spreading a list of more than ~100,000 items into arguments
  // overflows the stack, and one hostile file can have that many findings.
  for (const result of results) {
    for (const f of result.findings) findings.push(f);
    resources += result.resources;
    for (const u of result.unchecked) unchecked.push(u);
    for (const k of result.catalog ?? []) catalog.push(k);
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
  const notices = [...new Set([...extraNotices, ...results.flatMap((r) => r.notices ?? [])])];
  for (const notice of [configFilesNotice(results), catalogNotice(catalog), uncheckedNotice(unchecked)]) if (notice !== undefined) notices.push(notice);
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
      ...(catalog.length > 0 ? { crdCatalog: catalog.length } : {}),
      notices,
    },
  };
}

import type { PodSecuritySettings } from '../k8s/pod-security/policy.js';
import { fieldPath, pointerOf } from '../parse/pointer.js';
import type { ParsedFiles } from '../parse/parsed-files.js';
import type { ScanCache } from './scan-cache.js';
import { streamYaml } from '../parse/parse-yaml.js';
import { decodeErrorFinding } from '../parse/report.js';
import { resourcesOf } from '../parse/resources.js';
import { lineStartsOf, YamlEditor } from '../parse/yaml-edit.js';
import { formatMessage, type Rule, type RuleContext } from '../rules/define-rule.js';
import { annotationIgnoresOf, type AnnotationIgnore } from '../suppress/index.js';
import type { Finding, Fix, Path, Place, Report, Resource, ResourceRef, Severity, SourceFile, Target, TextEdit } from '../types.js';

/** The schema stage as the linter sees it; implemented under src/schema/ and loaded only when needed. */
export interface SchemaStage {
  check(resource: Resource): { reports: Report[]; checked: boolean; reason?: string; notices?: string[]; catalog?: boolean };
}

export interface RuleSetting {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface FileLintSettings {
  kubernetesVersion: string;
  defaultNamespace: string;
  /** Enabled resource rules with their effective settings. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  rules: readonly { rule: Rule<string, any, any>; setting: RuleSetting }[];
  schema?: SchemaStage;
  /** Pod Security Standards levels by file and namespace, when any applies. */
  podSecurity?: PodSecuritySettings;
  /** Files this thread parsed before linting (CRD files): their parse is used instead of a second one. */
  parsed?: ParsedFiles;
  /** Scans of large files kept on disk (absent when caching is off). */
  scanCache?: ScanCache;
}

export interface FileLintResult {
  findings: Finding[];
  resources: number;
  /** Resources the schema stage could not check, with the reason. */
  unchecked: { kind: string; reason: string }[];
  /** Resources checked against the bundled CRD catalog, as `apiVersion kind` (absent when none). */
  catalog?: string[];
  /** Facts collected for cross-resource rules, by rule id, in input order. */
  facts: Map<string, unknown[]>;
  /** The objects read, in order (for per-object reports such as JUnit). */
  refs?: ResourceRef[];
  /** `k8s-lint.io/ignore` annotations, applied by the suppression stage after every check. */
  ignores?: AnnotationIgnore[];
  /** Tools' configuration files among the documents, read but not linted (`kubeadm ClusterConfiguration`). */
  configs?: string[];
  /** What the checks left out and why (CEL rules not evaluated), each sentence once, for the summary. */
  notices?: string[];
}

/**
 * Appends one set of collected facts to another, keeping input order. The lists are copied, never
 * shared, and appended item by item: spreading a list of 100,000 items into push() overflows the stack.
 */
export function appendFacts(into: Map<string, unknown[]>, from: ReadonlyMap<string, readonly unknown[]>): void {
  for (const [id, list] of from) {
    let all = into.get(id);
    if (!all) into.set(id, (all = []));
    for (const fact of list) all.push(fact);
  }
}

function absolute(resource: Resource, path: Path): Path {
  return resource.basePath.length === 0 ? path : [...resource.basePath, ...path];
}

export function placeOf(resource: Resource, path: Path, on: Target | undefined): Place {
  const abs = absolute(resource, path);
  return { file: resource.file, resource: resource.ref, pointer: pointerOf(abs), span: resource.locator.locate(abs, on) };
}

/** The scalar fixes of a report as text edits: all of them apply, or there is no fix. */
function editsOf(report: Report, editor: YamlEditor | undefined): Fix | undefined {
  if (!report.fix || !editor) return undefined;
  const edits: TextEdit[] = [];
  for (const fix of report.fix) {
    const edit = editor.scalarFix(fix);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits.length > 0 ? { edits } : undefined;
}

function toFinding(resource: Resource, report: Report, editor?: YamlEditor, fix: Fix | undefined = editsOf(report, editor)): Finding {
  const place = placeOf(resource, report.path, report.on);
  return {
    file: resource.file,
    ruleId: report.ruleId,
    severity: report.severity,
    message: report.message,
    pointer: place.pointer,
    resource: resource.ref,
    ...place.span,
    ...(report.hint ? { hint: report.hint } : {}),
    ...(fix ? { fix } : {}),
  };
}

/** Internal errors in one rule never lose the other findings: they become findings themselves. */
function internalError(resource: Resource, ruleId: string, error: unknown): Finding {
  const place = placeOf(resource, [], 'key');
  const what = error instanceof Error ? error.message : String(error);
  return {
    file: resource.file,
    ruleId: 'internal-error',
    severity: 'error',
    message: `rule ${ruleId} failed on this resource: ${what}`,
    pointer: '',
    resource: resource.ref,
    ...place.span,
  };
}

/** The text of the file being linted, for the text edits of fixes; its line starts are computed once, when first needed. */
export interface FileSource {
  text: string;
  lineStarts: () => number[];
  json: boolean;
}

export function fileSource(text: string, json = false): FileSource {
  let starts: number[] | undefined;
  return { text, lineStarts: () => (starts ??= lineStartsOf(text)), json };
}

/** Lints the resources of one file: schema, per-resource rules, and collection for cross rules. */
export function lintResources(resources: readonly Resource[], settings: FileLintSettings, source?: FileSource): Omit<FileLintResult, 'resources'> {
  const findings: Finding[] = [];
  const unchecked: { kind: string; reason: string }[] = [];
  const facts = new Map<string, unknown[]>();
  const notices: string[] = [];
  const catalog: string[] = [];
  for (const resource of resources) {
    const start = findings.length;
    const editor = source ? new YamlEditor(source.text, resource.locator, resource.basePath, source.lineStarts, source.json) : undefined;
    let kindKnown: boolean | undefined;
    if (settings.schema) {
      try {
        const result = settings.schema.check(resource);
        kindKnown = result.checked;
        if (result.catalog) catalog.push(`${resource.apiVersion ?? '?'} ${resource.kind ?? '?'}`);
        for (const report of result.reports) findings.push(toFinding(resource, report, editor));
        for (const notice of result.notices ?? []) if (!notices.includes(notice)) notices.push(notice);
        // Only a missing schema is worth a notice; no apiVersion or kind is required-fields' to report.
        if (!result.checked && (result.reason ?? '').startsWith('no schema for')) unchecked.push({ kind: `${resource.apiVersion ?? '?'} ${resource.kind ?? '?'}`, reason: result.reason ?? 'no schema' });
      } catch (error) {
        findings.push(internalError(resource, 'schema', error));
      }
    }
    for (const { rule, setting } of settings.rules) {
      if (rule.kinds && (resource.kind === undefined || !rule.kinds.includes(resource.kind))) continue;
      const ctx: RuleContext<Record<string, unknown>> = {
        options: setting.options,
        kubernetesVersion: settings.kubernetesVersion,
        defaultNamespace: settings.defaultNamespace,
        span: (path, on) => resource.locator.locate(absolute(resource, path), on),
        ...(kindKnown !== undefined ? { kindKnown } : {}),
        ...(settings.podSecurity ? { podSecurity: settings.podSecurity } : {}),
        ...(editor ? { edit: editor } : {}),
      };
      try {
        if (rule.check) {
          for (const r of rule.check(resource, ctx)) {
            findings.push(
              toFinding(resource, {
                ruleId: rule.id,
                severity: r.severity ?? setting.severity,
                path: r.path,
                ...(r.on ? { on: r.on } : {}),
                message: formatMessage(rule.messages[r.messageId] ?? r.messageId, r.data),
                ...(r.hint ? { hint: r.hint } : {}),
              }, undefined, r.fix),
            );
          }
        }
        if (rule.collect) {
          const fact = rule.collect(resource, ctx);
          if (fact !== undefined) {
            let list = facts.get(rule.id);
            if (!list) facts.set(rule.id, (list = []));
            list.push(fact);
          }
        }
      } catch (error) {
        findings.push(internalError(resource, rule.id, error));
      }
    }
    dropSuperseded(findings, start, settings);
  }
  return { findings, unchecked, facts, ...(notices.length > 0 ? { notices } : {}), ...(catalog.length > 0 ? { catalog } : {}) };
}

/**
 * A rule that says more about a problem than another replaces it on the same resource: a removed
 * apiVersion is reported once, by deprecated-api with its replacement, not again as unknown-api.
 */
function dropSuperseded(findings: Finding[], start: number, settings: FileLintSettings): void {
  const present = new Set<string>();
  for (let i = start; i < findings.length; i++) present.add(findings[i]!.ruleId);
  const superseded = new Set<string>();
  for (const { rule } of settings.rules) if (present.has(rule.id)) for (const id of rule.supersedes ?? []) superseded.add(id);
  if (superseded.size === 0) return;
  let out = start;
  for (let i = start; i < findings.length; i++) if (!superseded.has(findings[i]!.ruleId)) findings[out++] = findings[i]!;
  findings.length = out;
}

/**
 * Lints one YAML or JSON file, one document at a time: each document's resources are checked as
 * soon as it is read, so a large multi-document file never holds every syntax tree at once.
 */
export function lintYamlFile(file: SourceFile, settings: FileLintSettings): FileLintResult {
  if (file.decodeError) {
    return { findings: [decodeErrorFinding(file.path, file.text, file.decodeError)], resources: 0, unchecked: [], facts: new Map(), refs: [], ignores: [] };
  }
  const stream = settings.parsed?.take(file) ?? streamYaml(file.path, file.text, settings.scanCache ? { scan: settings.scanCache.scanner(file.path) } : {});
  const findings: Finding[] = [];
  const unchecked: FileLintResult['unchecked'] = [];
  const facts = new Map<string, unknown[]>();
  const refs: ResourceRef[] = [];
  const ignores: AnnotationIgnore[] = [];
  const notices: string[] = [];
  const source = fileSource(file.text, file.language === 'json');
  const catalog: string[] = [];
  for (const doc of stream.documents) {
    const resources = resourcesOf(file.path, [doc]);
    const rest = lintResources(resources, settings, source);
    for (const f of rest.findings) findings.push(f);
    for (const u of rest.unchecked) unchecked.push(u);
    for (const k of rest.catalog ?? []) catalog.push(k);
    for (const n of rest.notices ?? []) if (!notices.includes(n)) notices.push(n);
    appendFacts(facts, rest.facts);
    for (const r of resources) refs.push(r.ref);
    for (const ignore of annotationIgnoresOf(resources)) ignores.push(ignore);
  }
  return {
    findings: [...stream.findings, ...findings],
    resources: refs.length,
    unchecked,
    facts,
    refs,
    ignores,
    ...(stream.configs.length > 0 ? { configs: stream.configs } : {}),
    ...(notices.length > 0 ? { notices } : {}),
    ...(catalog.length > 0 ? { catalog } : {}),
  };
}

export { fieldPath };

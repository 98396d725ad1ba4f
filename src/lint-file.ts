import { fieldPath, pointerOf } from './parse/pointer.js';
import { parseYaml } from './parse/parse-yaml.js';
import { resourcesOf } from './parse/resources.js';
import { formatMessage, type Place, type Rule, type RuleContext } from './rules/define-rule.js';
import type { Finding, Path, Report, Resource, Severity, SourceFile, Target } from './types.js';

/** The schema stage as the linter sees it; implemented under src/schema/ and loaded only when needed. */
export interface SchemaStage {
  check(resource: Resource): { reports: Report[]; checked: boolean; reason?: string };
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
}

export interface FileLintResult {
  findings: Finding[];
  resources: number;
  /** Resources the schema stage could not check, with the reason. */
  unchecked: { kind: string; reason: string }[];
  /** Facts collected for cross-resource rules, by rule id, in input order. */
  facts: Map<string, unknown[]>;
}

function absolute(resource: Resource, path: Path): Path {
  return resource.basePath.length === 0 ? path : [...resource.basePath, ...path];
}

export function placeOf(resource: Resource, path: Path, on: Target | undefined): Place {
  const abs = absolute(resource, path);
  return { file: resource.file, resource: resource.ref, pointer: pointerOf(abs), span: resource.locator.locate(abs, on) };
}

function toFinding(resource: Resource, report: Report): Finding {
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

/** Lints the resources of one file: schema, per-resource rules, and collection for cross rules. */
export function lintResources(resources: readonly Resource[], settings: FileLintSettings): Omit<FileLintResult, 'resources'> {
  const findings: Finding[] = [];
  const unchecked: { kind: string; reason: string }[] = [];
  const facts = new Map<string, unknown[]>();
  for (const resource of resources) {
    if (settings.schema) {
      try {
        const result = settings.schema.check(resource);
        for (const report of result.reports) findings.push(toFinding(resource, report));
        if (!result.checked) unchecked.push({ kind: `${resource.apiVersion ?? '?'} ${resource.kind ?? '?'}`, reason: result.reason ?? 'no schema' });
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
              }),
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
  }
  return { findings, unchecked, facts };
}

/** Lints one YAML or JSON file. */
export function lintYamlFile(file: SourceFile, settings: FileLintSettings): FileLintResult {
  const parsed = parseYaml(file.path, file.text);
  const resources = resourcesOf(file.path, parsed.documents);
  const rest = lintResources(resources, settings);
  return { findings: [...parsed.findings, ...rest.findings], resources: resources.length, unchecked: rest.unchecked, facts: rest.facts };
}

export { fieldPath };

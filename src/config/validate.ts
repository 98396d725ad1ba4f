import { didYouMean } from '../text/did-you-mean.js';
import type { PresetName, RuleConfigValue } from '../engine/options.js';
import { isPolicySpec } from '../engine/pod-security.js';
import type { RuleMeta } from '../rules/define-rule.js';
import type { JsonValue, Locator, Path, Severity, Target } from '../types.js';
import { isObject } from '../parse/resources.js';

/** What `.k8s-lint.yaml` may hold, once validated. */
export interface K8sLintConfig {
  extends?: PresetName | PresetName[];
  /** Pod Security Standards level (`level[:version]`) by path glob, in order; the last match wins. */
  podSecurity?: { glob: string; level: string }[];
  kubernetesVersion?: string;
  strict?: boolean;
  /** Check custom resources without a CRD against the bundled CRD catalog (default true). */
  crdCatalog?: boolean;
  namespace?: string;
  crds?: string[];
  ignore?: string[];
  rules?: Record<string, RuleConfigValue>;
}

/** A config mistake with its place: `file:line:col: message`. */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

const TOP_KEYS = ['crdCatalog', 'crds', 'extends', 'ignore', 'kubernetesVersion', 'namespace', 'podSecurity', 'rules', 'strict'] as const;
const PRESETS: readonly PresetName[] = ['recommended', 'all', 'security'];
const SEVERITIES = ['error', 'warning', 'info'] as const;
const RULE_KEYS = ['options', 'severity'];

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isObject(v)) return 'a mapping';
  return `the ${typeof v} ${JSON.stringify(v)}`;
}

interface Input {
  value: JsonValue;
  locator: Locator;
  /** The config text, to recover a version written as a number (`1.30` reads as 1.3). */
  text: string;
  rules: readonly RuleMeta[];
}

/**
 * Checks a decoded config by hand (ajv stays in src/schema/) and reports the first mistake where
 * it is: an unknown key or rule id at the key, a wrong value at the value.
 */
export function validateConfig({ value, locator, text, rules }: Input): { config: K8sLintConfig } | { problem: ConfigProblem } {
  const problem = (path: Path, on: Target, message: string) => {
    const span = locator.locate(path, on);
    return { problem: { line: span.line, column: span.column, message } };
  };
  if (value === null || value === undefined) return { config: {} };
  if (!isObject(value)) return problem([], 'value', `the configuration must be a mapping of settings, not ${typeName(value)}`);
  const config: K8sLintConfig = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(TOP_KEYS as readonly string[]).includes(key)) {
      return problem([key], 'key', `unknown setting "${key}"${didYouMean(key, TOP_KEYS)}; settings are ${TOP_KEYS.join(', ')}`);
    }
    if (key === 'extends') {
      const list = Array.isArray(v) ? v : [v];
      const bad = list.findIndex((p) => typeof p !== 'string' || !(PRESETS as readonly string[]).includes(p));
      if (bad >= 0 || list.length === 0) {
        return problem(Array.isArray(v) && bad >= 0 ? [key, bad] : [key], 'value', `extends must be one of ${PRESETS.map((p) => `"${p}"`).join(', ')} or a list of them, not ${typeName(Array.isArray(v) && bad >= 0 ? list[bad]! : v)}`);
      }
      config.extends = Array.isArray(v) ? (list as PresetName[]) : (v as PresetName);
    } else if (key === 'podSecurity') {
      const entries: [string, JsonValue][] = typeof v === 'string' ? [['**', v]] : isObject(v) ? Object.entries(v) : [];
      if (entries.length === 0) return problem([key], 'value', `podSecurity must be a level (privileged, baseline or restricted, with an optional :v1.xx) or a mapping of path globs to levels, not ${typeName(v)}`);
      for (const [glob, level] of entries) {
        if (typeof level !== 'string' || !isPolicySpec(level)) {
          return problem(typeof v === 'string' ? [key] : [key, glob], 'value', `podSecurity level must be privileged, baseline or restricted, with an optional policy version (restricted:v1.30, baseline:latest), not ${typeName(level)}`);
        }
      }
      config.podSecurity = entries.map(([glob, level]) => ({ glob, level: level as string }));
    } else if (key === 'kubernetesVersion') {
      const span = locator.locate([key], 'value');
      const raw = typeof v === 'number' && span.line === span.endLine ? (text.split('\n')[span.line - 1] ?? '').slice(span.column - 1, span.endColumn - 1) : v;
      const version = typeof raw === 'string' ? raw.trim().replace(/^v/, '') : '';
      if (!/^1\.\d+$/.test(version)) return problem([key], 'value', `kubernetesVersion must be a minor version such as "1.36", not ${typeName(v)}`);
      config.kubernetesVersion = version;
    } else if (key === 'crdCatalog') {
      if (typeof v !== 'boolean') return problem([key], 'value', `crdCatalog must be true or false, not ${typeName(v)}`);
      config.crdCatalog = v;
    } else if (key === 'strict') {
      if (typeof v !== 'boolean') return problem([key], 'value', `strict must be true or false, not ${typeName(v)}`);
      config.strict = v;
    } else if (key === 'namespace') {
      if (typeof v !== 'string' || v === '') return problem([key], 'value', `namespace must be a namespace name, not ${typeName(v)}`);
      config.namespace = v;
    } else if (key === 'crds' || key === 'ignore') {
      const list = typeof v === 'string' ? [v] : v;
      if (!Array.isArray(list)) return problem([key], 'value', `${key} must be a list of paths${key === 'ignore' ? ' or globs' : ''}, not ${typeName(v)}`);
      const bad = list.findIndex((item) => typeof item !== 'string' || item === '');
      if (bad >= 0) return problem(typeof v === 'string' ? [key] : [key, bad], 'value', `${key} entries must be strings, not ${typeName(list[bad])}`);
      config[key] = list as string[];
    } else if (key === 'rules') {
      const result = validateRules(v, rules, problem);
      if ('problem' in result) return result;
      config.rules = result.rules;
    }
  }
  return { config };
}

type Problem = (path: Path, on: Target, message: string) => { problem: ConfigProblem };

function validateRules(value: JsonValue, metas: readonly RuleMeta[], problem: Problem): { rules: Record<string, RuleConfigValue> } | { problem: ConfigProblem } {
  if (value === null) return { rules: {} };
  if (!isObject(value)) return problem(['rules'], 'value', `rules must be a mapping of rule ids to settings, not ${typeName(value)}`);
  const ids = metas.map((m) => m.id);
  const out: Record<string, RuleConfigValue> = {};
  for (const [id, setting] of Object.entries(value)) {
    const meta = metas.find((m) => m.id === id);
    if (!meta) return problem(['rules', id], 'key', `unknown rule "${id}"${didYouMean(id, ids)}; k8s-lint rules lists every id`);
    const severityProblem = (v: unknown, path: Path) =>
      problem(path, 'value', `the setting of rule "${id}" must be off, ${SEVERITIES.join(', ')}, or a mapping with severity and options, not ${typeName(v)}`);
    // `off` unquoted is the boolean false in YAML 1.1 (which we read configs with, like manifests).
    if (typeof setting === 'boolean') {
      out[id] = setting ? meta.severity : 'off';
      continue;
    }
    if (typeof setting === 'string') {
      if (setting !== 'off' && !(SEVERITIES as readonly string[]).includes(setting)) return severityProblem(setting, ['rules', id]);
      out[id] = setting as Severity | 'off';
      continue;
    }
    if (!isObject(setting)) return severityProblem(setting, ['rules', id]);
    const entry: { severity?: Severity | 'off'; options?: Record<string, unknown> } = {};
    for (const [key, v] of Object.entries(setting)) {
      if (!RULE_KEYS.includes(key)) return problem(['rules', id, key], 'key', `unknown key "${key}" in the setting of rule "${id}"${didYouMean(key, RULE_KEYS)}; use severity and options`);
      if (key === 'severity') {
        if (v === false) {
          entry.severity = 'off';
          continue;
        }
        if (typeof v !== 'string' || (v !== 'off' && !(SEVERITIES as readonly string[]).includes(v))) return severityProblem(v, ['rules', id, key]);
        entry.severity = v as Severity | 'off';
      } else {
        const checked = validateOptions(id, meta, v, problem);
        if ('problem' in checked) return checked;
        entry.options = checked.options;
      }
    }
    out[id] = entry;
  }
  return { rules: out };
}

/** Options are checked against the rule's defaults: known names, and the same kind of value. */
function validateOptions(id: string, meta: RuleMeta, value: JsonValue, problem: Problem): { options: Record<string, unknown> } | { problem: ConfigProblem } {
  const path = ['rules', id, 'options'];
  if (!isObject(value)) return problem(path, 'value', `the options of rule "${id}" must be a mapping, not ${typeName(value)}`);
  const defaults = meta.defaultOptions ?? {};
  const names = Object.keys(defaults);
  for (const [name, v] of Object.entries(value)) {
    if (!(name in defaults)) {
      const known = names.length > 0 ? `; its options are ${names.join(', ')}` : '; it has no options';
      return problem([...path, name], 'key', `rule "${id}" has no option "${name}"${didYouMean(name, names)}${known}`);
    }
    const expected = defaults[name];
    const kind = (x: unknown) => (Array.isArray(x) ? 'array' : x === null ? 'null' : typeof x);
    if (expected !== undefined && expected !== null && kind(expected) !== kind(v)) {
      return problem([...path, name], 'value', `option "${name}" of rule "${id}" must be ${kind(expected) === 'array' ? 'a list' : `a ${kind(expected)}`}, not ${typeName(v)}`);
    }
  }
  return { options: value };
}

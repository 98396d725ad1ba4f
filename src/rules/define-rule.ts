import type { PodSecuritySettings } from '../k8s/pod-security/policy.js';
import type { YamlEditor } from '../parse/yaml-edit.js';
import type { Fix, Path, Place, Resource, Severity, Span, Target } from '../types.js';

export type RuleCategory = 'syntax' | 'schema' | 'correctness' | 'deprecation' | 'best-practice' | 'security' | 'commands';

/** What every check has, whatever stage runs it: listed by `k8s-lint rules`, configurable by id. */
export interface RuleMeta {
  id: string;
  description: string;
  severity: Severity;
  /** On in the `recommended` preset (the default). Off rules run only with `extends: all` or config. */
  recommended: boolean;
  /** Add-on presets that turn the rule on (`security`). */
  presets?: readonly string[];
  category: RuleCategory;
  /** Option defaults; the config may override them per rule. */
  defaultOptions?: Record<string, unknown>;
  /** Ids whose findings on the same resource this rule's findings replace (it says the same, better). */
  supersedes?: readonly string[];
}

export type MessageData = Record<string, string | number | undefined>;

export interface RuleReport<M extends string> {
  path: Path;
  on?: Target;
  messageId: M;
  data?: MessageData;
  hint?: string;
  /** Overrides the rule's severity for this report (e.g. deprecated → warning, removed → error). */
  severity?: Severity;
  /** Text edits that fix the problem (built with `ctx.edit`), when a safe fix exists. */
  fix?: Fix;
}

export interface RuleContext<O> {
  options: O;
  /** Kubernetes minor version the input is checked against, as `1.36`. */
  kubernetesVersion: string;
  /** Namespace of objects that have none (`--namespace`, default `default`). */
  defaultNamespace: string;
  /** Span of a path of the current resource (relative to the resource). */
  span(path: Path, on?: Target): Span;
  /**
   * Whether the schema stage knows the kind of the current resource (built-in, from a CRD or a
   * given OpenAPI document): false for a kind it has no schema for, undefined when it is off.
   */
  kindKnown?: boolean;
  /** Pod Security Standards levels that apply in this run, by file and namespace (absent: none). */
  podSecurity?: PodSecuritySettings;
  /** Builds text edits on the source of the current resource (paths relative to it); absent when the source is not at hand. */
  edit?: YamlEditor;
}

export interface CrossReport<M extends string> {
  at: Place;
  messageId: M;
  data?: MessageData;
  hint?: string;
  severity?: Severity;
}

export interface CrossContext<O> {
  options: O;
  kubernetesVersion: string;
  defaultNamespace: string;
}

/**
 * A rule: pure functions of the resource (and, for cross-resource rules, of small facts collected
 * from every resource). `collect` keeps only what the cross check needs, so a large input never has
 * to be held in memory whole; facts carry their own places, so they can be reported from anywhere.
 */
export interface Rule<M extends string = string, O = Record<string, unknown>, C = unknown> extends RuleMeta {
  messages: Record<M, string>;
  /** Restrict `check`/`collect` to these kinds (fast path); absent = every resource. */
  kinds?: readonly string[];
  check?(resource: Resource, ctx: RuleContext<O>): Iterable<RuleReport<M>>;
  collect?(resource: Resource, ctx: RuleContext<O>): C | undefined;
  crossCheck?(facts: readonly C[], ctx: CrossContext<O>): Iterable<CrossReport<M>>;
}

export function defineRule<M extends string, O = Record<string, unknown>, C = unknown>(rule: Rule<M, O, C>): Rule<M, O, C> {
  return rule;
}

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: MessageData | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (data[key] !== undefined ? String(data[key]) : whole));
}

export function docsUrl(id: string): string {
  return `https://github.com/k8s-lint/k8s-lint/blob/main/docs/rules/${id}.md`;
}

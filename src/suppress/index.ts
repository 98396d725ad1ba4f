import { closest } from '../text/did-you-mean.js';
import { isObject } from '../parse/resources.js';
import { pointerOf } from '../parse/pointer.js';
import { suppressionRuleMetas, UNUSED_DIRECTIVE_ID } from '../rules/stage-rules.js';
import { commentsOf, skippableLines } from './comments.js';
import { parseDirectives, type Directive, type NamedRule } from './directives.js';
import type { Finding, JsonValue, Path, Resource, ResourceRef, Severity, SourceFile, Span } from '../types.js';

/** The id under which unused and unknown suppressions are reported (configurable like any rule). */
export { UNUSED_DIRECTIVE_ID };
/** Object annotation listing rule ids to ignore for that object: `k8s-lint.io/ignore: "a,b"`. */
export const IGNORE_ANNOTATION = 'k8s-lint.io/ignore';

export { suppressionRuleMetas };

/** A `k8s-lint.io/ignore` annotation found on one object, kept small so files need not stay in memory. */
export interface AnnotationIgnore {
  file: string;
  resource: ResourceRef;
  /** Pointer of the object in its document ('' unless it is a List item). */
  pointer: string;
  rules: NamedRule[];
  span: Span;
}

/** Where the annotation may be: the object's own metadata, then pod templates (workloads, CronJobs). */
const ANNOTATION_HOMES: readonly Path[] = [
  ['metadata', 'annotations'],
  ['spec', 'template', 'metadata', 'annotations'],
  ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'annotations'],
];

function getIn(value: JsonValue, path: Path): JsonValue | undefined {
  let current: JsonValue | undefined = value;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    current = current[String(segment)];
  }
  return current;
}

/** Collects the ignore annotations of a file's objects (called per file, while its resources exist). */
export function annotationIgnoresOf(resources: readonly Resource[]): AnnotationIgnore[] {
  const out: AnnotationIgnore[] = [];
  for (const resource of resources) {
    for (const home of ANNOTATION_HOMES) {
      const value = getIn(resource.object, [...home, IGNORE_ANNOTATION]);
      if (typeof value !== 'string') continue;
      const span = resource.locator.locate([...resource.basePath, ...home, IGNORE_ANNOTATION], 'value');
      const rules = [...value.matchAll(/[^\s,]+/g)].map((m) => ({ id: m[0], line: span.line, column: span.column, endColumn: span.endColumn }));
      if (rules.length > 0) out.push({ file: resource.file, resource: resource.ref, pointer: pointerOf(resource.basePath), rules, span });
    }
  }
  return out;
}

/**
 * A directive resolved to the lines it covers: plain data, computed where the file is read (also
 * in a worker thread) so that the text need not be kept until every finding is known.
 */
export interface DirectiveRange {
  file: string;
  label: string;
  place: Span;
  /** Named rules (empty = every rule). */
  rules: NamedRule[];
  from: number;
  to: number;
  /** Rule ids re-enabled from a line on (`enable x` inside a disable-everything range). */
  exceptFrom: Record<string, number>;
  /** Per-rule last line (`enable x` closing part of a `disable x, y` range). */
  until: Record<string, number>;
}

/** Past the last line of any file: for ranges that run to the end. */
const END = Number.MAX_SAFE_INTEGER;

function range(file: string, d: Directive, from: number, to: number): DirectiveRange {
  return {
    file,
    label: `k8s-lint-${d.kind} directive`,
    place: { line: d.line, column: d.column, endLine: d.line, endColumn: d.endColumn },
    rules: d.rules,
    from,
    to,
    exceptFrom: {},
    until: {},
  };
}

/** Reads a file's directives and pairs each `disable` with the `enable` that ends it. */
export function directiveRangesOf(file: SourceFile): DirectiveRange[] {
  if (!file.text.includes('k8s-lint-')) return [];
  const comments = commentsOf(file);
  const directives = parseDirectives(comments);
  if (directives.length === 0) return [];
  const skippable = skippableLines(file.text, comments);
  const lineCount = file.text.split('\n').length;
  const out: DirectiveRange[] = [];
  const open: DirectiveRange[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      // The next line with content: a reason or another directive may sit in between.
      let target = d.line + 1;
      while (target <= lineCount && skippable.has(target)) target++;
      out.push(range(file.path, d, target, target));
    } else if (d.kind === 'disable-line') out.push(range(file.path, d, d.line, d.line));
    else if (d.kind === 'disable-file') out.push(range(file.path, d, 1, END));
    else if (d.kind === 'disable') {
      const r = range(file.path, d, d.line, END);
      open.push(r);
      out.push(r);
    } else {
      // enable: without ids ends every open range; with ids ends those rules only.
      for (const r of open) {
        if (d.rules.length === 0) r.to = Math.min(r.to, d.line);
        else if (r.rules.length === 0) for (const n of d.rules) r.exceptFrom[n.id] = Math.min(r.exceptFrom[n.id] ?? END, d.line);
        else for (const n of d.rules) r.until[n.id] = Math.min(r.until[n.id] ?? END, d.line);
      }
    }
  }
  return out;
}

/** One active suppression with the rule ids it has been used for. */
interface Suppressor {
  covers(f: Finding): boolean;
  rules: NamedRule[];
  used: Set<string>;
  label: string;
  place: Span;
  file: string;
  resource?: ResourceRef;
}

function rangeSuppressor(r: DirectiveRange): Suppressor {
  return {
    rules: r.rules,
    used: new Set<string>(),
    label: r.label,
    place: r.place,
    file: r.file,
    covers(f: Finding): boolean {
      if (f.line < r.from || f.line > r.to) return false;
      if (r.rules.length === 0) {
        const except = r.exceptFrom[f.ruleId];
        return except === undefined || f.line < except;
      }
      return r.rules.some((n) => n.id === f.ruleId && f.line <= (r.until[n.id] ?? END));
    },
  };
}

function annotationSuppressor(a: AnnotationIgnore): Suppressor {
  return {
    rules: a.rules,
    used: new Set<string>(),
    label: `${IGNORE_ANNOTATION} annotation`,
    place: a.span,
    file: a.file,
    resource: a.resource,
    covers(f: Finding): boolean {
      if (f.file !== a.file || f.resource?.document !== a.resource.document) return false;
      if (a.pointer !== '' && f.pointer !== a.pointer && !f.pointer.startsWith(a.pointer + '/')) return false;
      return a.rules.some((r) => r.id === f.ruleId);
    },
  };
}

export interface SuppressionInput {
  directives: readonly DirectiveRange[];
  annotations: readonly AnnotationIgnore[];
  /** Every rule id that exists, to tell an unused suppression from a misspelt one. */
  knownRuleIds: ReadonlySet<string>;
  /** Severity of unused/unknown suppression reports; 'off' reports nothing. */
  unusedSeverity: Severity | 'off';
}

/** Findings that no suppression can hide: a crashed check must always be seen. */
const UNSUPPRESSIBLE = new Set(['internal-error', UNUSED_DIRECTIVE_ID]);

/**
 * Drops the findings that a comment directive or an ignore annotation switches off (by rule id,
 * never by message), then reports the suppressions that hid nothing or name an unknown rule.
 */
export function applySuppressions(findings: readonly Finding[], input: SuppressionInput): Finding[] {
  const byFile = new Map<string, Suppressor[]>();
  const add = (file: string, list: Suppressor[]) => {
    if (list.length === 0) return;
    const all = byFile.get(file);
    if (all) all.push(...list);
    else byFile.set(file, [...list]);
  };
  for (const r of input.directives) add(r.file, [rangeSuppressor(r)]);
  for (const a of input.annotations) add(a.file, [annotationSuppressor(a)]);
  if (byFile.size === 0) return [...findings];

  const kept: Finding[] = [];
  for (const f of findings) {
    const suppressors = UNSUPPRESSIBLE.has(f.ruleId) ? undefined : byFile.get(f.file);
    let hidden = false;
    for (const s of suppressors ?? []) {
      if (!s.covers(f)) continue;
      hidden = true;
      s.used.add(s.rules.length === 0 ? '*' : f.ruleId);
    }
    if (!hidden) kept.push(f);
  }
  if (input.unusedSeverity === 'off') return kept;
  for (const list of byFile.values()) for (const s of list) kept.push(...unusedReports(s, input.knownRuleIds, input.unusedSeverity));
  return kept;
}

function unusedReports(s: Suppressor, known: ReadonlySet<string>, severity: Severity): Finding[] {
  const report = (place: Span, message: string, hint?: string): Finding => ({
    file: s.file,
    ruleId: UNUSED_DIRECTIVE_ID,
    severity,
    message,
    pointer: '',
    ...(s.resource ? { resource: s.resource } : {}),
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    ...(hint ? { hint } : {}),
  });
  if (s.rules.length === 0) return s.used.has('*') ? [] : [report(s.place, `unused ${s.label}: nothing was reported here to suppress`)];
  const out: Finding[] = [];
  for (const r of s.rules) {
    if (s.used.has(r.id)) continue;
    const place = { line: r.line, column: r.column, endLine: r.line, endColumn: r.endColumn };
    if (!known.has(r.id)) {
      const best = closest(r.id, known);
      out.push(report(place, `unknown rule "${r.id}" in ${s.label}`, best ? `did you mean "${best}"? (k8s-lint rules lists every id)` : 'k8s-lint rules lists every id'));
    } else out.push(report(place, `unused ${s.label}: no "${r.id}" finding here to suppress`));
  }
  return out;
}

import type { Comment } from './comments.js';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

/** One rule id named in a directive, with its place (for unused and unknown id reports). */
export interface NamedRule {
  id: string;
  line: number;
  column: number;
  endColumn: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** The rule ids named; empty = every rule. */
  rules: NamedRule[];
  line: number;
  column: number;
  endColumn: number;
  /** Text after ` -- `, if any: why the check is switched off. */
  reason?: string;
}

/** Longest names first, so that `disable` does not swallow `disable-next-line`. */
const DIRECTIVE = /^(\s*)k8s-lint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)/;

/**
 * Reads the directives out of comments:
 *   # k8s-lint-disable-next-line rule-a, rule-b -- why
 *   # k8s-lint-disable rule-a        … # k8s-lint-enable [rule-a]
 *   # k8s-lint-disable-file [rule-a]
 *   value: x  # k8s-lint-disable-line rule-a
 * Rule ids are separated by commas and/or spaces; no ids means every rule.
 */
export function parseDirectives(comments: readonly Comment[]): Directive[] {
  const out: Directive[] = [];
  for (const comment of comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    const kind = m[2] as DirectiveKind;
    // A directive that is not alone on its line acts on that line, whatever it says.
    const effective: DirectiveKind = kind === 'disable-next-line' && !comment.ownLine ? 'disable-line' : kind;
    const afterKeyword = m[0].length;
    const rest = comment.text.slice(afterKeyword);
    const reasonAt = rest.search(/(^|\s)--(\s|$)/);
    const idsText = reasonAt >= 0 ? rest.slice(0, reasonAt) : rest;
    const reason = reasonAt >= 0 ? rest.slice(reasonAt).replace(/^\s*--\s*/, '').trim() : '';
    const rules: NamedRule[] = [];
    const base = comment.textColumn + afterKeyword;
    for (const token of idsText.matchAll(/[^\s,]+/g)) {
      const column = base + token.index;
      rules.push({ id: token[0], line: comment.line, column, endColumn: column + token[0].length });
    }
    out.push({
      kind: effective,
      rules,
      line: comment.line,
      column: comment.column,
      endColumn: comment.endColumn,
      ...(reason ? { reason } : {}),
    });
  }
  return out;
}

/**
 * Applies the fixes of findings to a text, as ESLint does: each fix is all of its edits or none,
 * fixes are taken in source order, and a fix whose edits touch a range another accepted fix
 * already changes is left for the next pass (after a re-lint its finding, if still there, carries
 * edits computed on the new text).
 */
import type { Finding, Fix, TextEdit } from '../types.js';

export interface AppliedFixes {
  text: string;
  /** Findings whose fix was applied. */
  applied: Finding[];
  /** Findings with a fix left out because it overlapped one that was applied. */
  skipped: Finding[];
}

function conflicts(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || a.start === b.start;
}

function sorted(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A fix whose own edits overlap, or fall outside the text, is not applied at all. */
function wellFormed(fix: Fix, length: number): boolean {
  const edits = sorted(fix.edits);
  if (edits.length === 0) return false;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    if (!(e.start >= 0 && e.start <= e.end && e.end <= length)) return false;
    if (i > 0 && edits[i - 1]!.end > e.start) return false;
  }
  return true;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.start));
}

/** Applies every fix of `findings` that does not overlap an earlier one; findings without a fix are ignored. */
export function applyFixes(text: string, findings: readonly Finding[]): AppliedFixes {
  const withFix = findings.filter((f) => f.fix !== undefined && wellFormed(f.fix, text.length));
  withFix.sort((a, b) => firstStart(a.fix!) - firstStart(b.fix!));
  const accepted: TextEdit[] = [];
  const applied: Finding[] = [];
  const skipped: Finding[] = [];
  for (const finding of withFix) {
    const edits = finding.fix!.edits;
    if (edits.some((e) => accepted.some((a) => conflicts(a, e)))) {
      // The same fix reported twice (two rules, two documents seeing one line) is applied once.
      if (!edits.every((e) => accepted.some((a) => a.start === e.start && a.end === e.end && a.text === e.text))) skipped.push(finding);
      continue;
    }
    for (const e of edits) accepted.push(e);
    applied.push(finding);
  }
  let out = '';
  let at = 0;
  for (const e of sorted(accepted)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: out + text.slice(at), applied, skipped };
}

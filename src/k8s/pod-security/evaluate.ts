/** The checks a level runs at a policy version, as the admission controller's check registry picks them. */
import type { PodSecurityCheck, VersionedCheck } from './check.js';
import { BASELINE_CHECKS_A } from './checks-baseline.js';
import { BASELINE_CHECKS_B } from './checks-baseline-b.js';
import { RESTRICTED_CHECKS } from './checks-restricted.js';
import type { PodView, Violation } from './pod-view.js';
import type { PodSecurityLevel } from './policy.js';

export const CHECKS: readonly PodSecurityCheck[] = [...BASELINE_CHECKS_A, ...BASELINE_CHECKS_B, ...RESTRICTED_CHECKS];

/** The revision of a check at a policy minor version: the newest one at or below it. */
function revisionAt(check: PodSecurityCheck, minor: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const v of check.versions) if (v.min <= minor) found = v;
  return found;
}

/** Baseline checks first, then restricted ones, each group by id: the order the registry runs them in. */
function byLevelThenId(a: PodSecurityCheck, b: PodSecurityCheck): number {
  if (a.level !== b.level) return a.level === 'baseline' ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function checksFor(level: PodSecurityLevel, minor: number): { id: string; revision: VersionedCheck }[] {
  if (level === 'privileged') return [];
  const picked = CHECKS.filter((c) => level === 'restricted' || c.level === 'baseline')
    .map((c) => ({ id: c.id, level: c.level, revision: revisionAt(c, minor) }))
    .filter((c): c is { id: string; level: PodSecurityCheck['level']; revision: VersionedCheck } => c.revision !== undefined);
  const overridden = new Set(picked.flatMap((c) => (c.level === 'restricted' ? (c.revision.overrides ?? []) : [])));
  return picked
    .filter((c) => !overridden.has(c.id))
    .sort((a, b) => byLevelThenId(CHECKS.find((c) => c.id === a.id)!, CHECKS.find((c) => c.id === b.id)!))
    .map(({ id, revision }) => ({ id, revision }));
}

/** Everything a pod breaks at a level and policy version, one violation per offending place. */
export function evaluatePod(pod: PodView, level: PodSecurityLevel, minor: number): Violation[] {
  const out: Violation[] = [];
  for (const { id, revision } of checksFor(level, minor)) for (const found of revision.run(pod)) out.push({ check: id, ...found });
  return out;
}

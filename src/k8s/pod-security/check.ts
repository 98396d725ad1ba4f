import type { PodView, Violation } from './pod-view.js';

/** What one check reports, before the registry stamps its id. */
export type Found = Omit<Violation, 'check'>;

export interface VersionedCheck {
  /** First policy minor version (1.x) this revision applies to. */
  min: number;
  run(pod: PodView): Found[];
  /** Baseline checks this restricted revision replaces when the level is restricted. */
  overrides?: readonly string[];
}

/**
 * One check of the Pod Security Standards with the revisions it had: at a policy version the newest
 * revision whose `min` is at or below it runs; before the first revision the check does not exist.
 */
export interface PodSecurityCheck {
  id: string;
  level: 'baseline' | 'restricted';
  versions: readonly VersionedCheck[];
}

/** "Did you mean" for mistyped field and resource names. */

import { editDistance } from '../text/did-you-mean.js';

/**
 * The candidate closest to `input`, if close enough to be a plausible typo: the same name in
 * another case, or a few edits (one per three characters, rounded up). Candidates come in order of
 * preference; the first of equally close ones wins.
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input === '') return undefined;
  const lower = input.toLowerCase();
  const limit = Math.ceil(input.length / 3);
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const score = candidate === input ? -1 : candidateLower === lower ? 0 : editDistance(lower, candidateLower);
    if (score > limit) continue;
    if (!best || score < best.score) best = { candidate, score }; // ties: the earlier candidate wins
  }
  return best?.candidate;
}

/** The first candidate that starts with `input` (three characters at least), ignoring case. */
export function prefixMatch(input: string, candidates: Iterable<string>): string | undefined {
  if (input.length < 3) return undefined;
  const lower = input.toLowerCase();
  for (const candidate of candidates) if (candidate.toLowerCase().startsWith(lower)) return candidate;
  return undefined;
}

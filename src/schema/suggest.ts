/** Did-you-mean suggestions for misspelt field names, kinds and apiVersions. */

import { editDistance } from '../text/did-you-mean.js';

/**
 * The candidate closest to `name`, if close enough to be a likely typo: same letters in another
 * case, or at most a third of the name's length in edits (at least one). Ties go to the first in
 * sorted order, so suggestions are stable.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    if (candidate === name) continue;
    const distance = nameDistance(name, candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** How far a candidate is from a name: 0 for the same letters in another case, else the edit distance ignoring case. */
export function nameDistance(name: string, candidate: string): number {
  const lower = name.toLowerCase();
  const other = candidate.toLowerCase();
  return other === lower ? 0 : editDistance(lower, other);
}

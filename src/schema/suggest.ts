/** Did-you-mean suggestions for misspelt field names, kinds and apiVersions. */

import { editDistance } from '../text/did-you-mean.js';

/**
 * The candidate closest to `name`, if close enough to be a likely typo: same letters in another
 * case, or at most a third of the name's length in edits (at least one). Ties go to the first in
 * sorted order, so suggestions are stable.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of [...candidates].sort()) {
    if (candidate === name) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(1, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

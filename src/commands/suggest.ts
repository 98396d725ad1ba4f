/** Did-you-mean helpers shared by the command rules. */

import { editDistance } from '../text/did-you-mean.js';

/**
 * The closest candidate within `maxDistance`, or one that `word` is a prefix of (a flag cut short,
 * `--restar`). Ties go to the alphabetically first candidate so output is stable.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance: number, allowPrefix = false): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) return candidate;
    let distance: number;
    if (allowPrefix && word.length >= 3 && candidate.startsWith(word)) distance = 1;
    // Lengths further apart than the budget cannot be within it: skip the table.
    else if (Math.abs(candidate.length - word.length) > maxDistance) continue;
    else distance = editDistance(word, candidate);
    if (distance > maxDistance) continue;
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** As `closest`, but undefined when another candidate is just as close: a fix must not pick between two. */
export function closestUnique(word: string, candidates: Iterable<string>, maxDistance: number, allowPrefix = false): string | undefined {
  const list = [...candidates];
  const best = closest(word, list, maxDistance, allowPrefix);
  if (best === undefined || best === word) return best;
  const distance = (candidate: string) => (allowPrefix && word.length >= 3 && candidate.startsWith(word) ? 1 : editDistance(word, candidate));
  const d = distance(best);
  return list.some((c) => c !== best && distance(c) <= d) ? undefined : best;
}

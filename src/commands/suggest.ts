/** Did-you-mean helpers shared by the command rules. */

/** Optimal string alignment distance: edits, with a swap of two neighbours counted as one. */
export function editDistance(a: string, b: string): number {
  // Three rolling rows: the swap case looks two rows back.
  let older: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, older[j - 2]! + 1);
      current.push(best);
    }
    older = previous;
    previous = current;
  }
  return previous[b.length]!;
}

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

/** "Did you mean" for mistyped field and resource names. */

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours as one each. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

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

/**
 * Hands out work items to workers so that each worker mostly gets neighbouring items. Items that
 * sit together (the files of one directory, one project) tend to need the same validators, and a
 * worker that sees only its share of the projects loads only their validators.
 *
 * The items are cut into one contiguous segment per worker, of about equal weight. A worker takes
 * its own segment front to back; once it is empty, it takes from the back of the segment with the
 * most weight left, so no worker idles while work remains. Which worker lints an item never changes
 * the result, only where its validators are loaded.
 */
export class SegmentSchedule {
  private readonly segments: { next: number; end: number }[] = [];
  private readonly prefix: number[];

  constructor(weights: readonly number[], workers: number) {
    this.prefix = [0];
    for (const w of weights) this.prefix.push(this.prefix[this.prefix.length - 1]! + w);
    const total = this.prefix[weights.length]!;
    let start = 0;
    for (let i = 1; i <= workers; i++) {
      let end = start;
      const target = (total * i) / workers;
      while (end < weights.length && (i === workers || this.prefix[end + 1]! <= target || end === start)) end++;
      this.segments.push({ next: start, end });
      start = end;
    }
  }

  /** The next item for a worker, or undefined when every item has been handed out. */
  take(worker: number): number | undefined {
    const own = this.segments[worker]!;
    if (own.next < own.end) return own.next++;
    let richest: { next: number; end: number } | undefined;
    let most = 0;
    for (const s of this.segments) {
      const left = this.prefix[s.end]! - this.prefix[s.next]!;
      if (s.next < s.end && (richest === undefined || left > most)) {
        richest = s;
        most = left;
      }
    }
    if (richest === undefined) return undefined;
    richest.end--;
    return richest.end;
  }
}

import { describe, expect, it } from 'vitest';
import { SegmentSchedule } from '../src/engine/schedule.js';

/** Drains a schedule with workers taking turns; returns the items each worker got, in order. */
function drain(weights: number[], workers: number, turns: number[]): number[][] {
  const schedule = new SegmentSchedule(weights, workers);
  const got: number[][] = Array.from({ length: workers }, () => []);
  const active = new Set(got.keys());
  for (let t = 0; active.size > 0; t++) {
    const w = turns[t % turns.length]!;
    if (!active.has(w)) {
      if (t > 10_000) throw new Error('schedule did not drain');
      continue;
    }
    const item = schedule.take(w);
    if (item === undefined) active.delete(w);
    else got[w]!.push(item);
  }
  return got;
}

describe('segment schedule', () => {
  it('gives each worker its own contiguous stretch when they go at the same pace', () => {
    expect(drain([1, 1, 1, 1, 1, 1], 2, [0, 1])).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });

  it('cuts the stretches by weight, not by count', () => {
    // Worker 0's stretch is the one heavy item; worker 1's starts right after it.
    const schedule = new SegmentSchedule([6, 1, 1, 1, 1, 1, 1], 2);
    expect(schedule.take(1)).toBe(1);
    expect(schedule.take(0)).toBe(0);
    expect(schedule.take(1)).toBe(2);
    // Worker 0, done with its stretch, takes from the back of worker 1's.
    expect(schedule.take(0)).toBe(6);
  });

  it('lets an idle worker take from the back of the largest stretch left', () => {
    // Worker 1 is three times as fast: once its stretch is done it works backwards through worker 0's.
    expect(drain([1, 1, 1, 1, 1, 1, 1, 1], 2, [0, 1, 1, 1])).toEqual([
      [0, 1],
      [4, 5, 6, 7, 3, 2],
    ]);
  });

  it('hands out every item exactly once, whatever the pace', () => {
    for (let workers = 1; workers <= 5; workers++) {
      for (const n of [0, 1, 2, 7, 30]) {
        const weights = Array.from({ length: n }, (_, i) => ((i * 7) % 5) + 1);
        const got = drain(weights, workers, [0, 2, 2, 1, 4, 3, 0, 0].map((w) => w % workers));
        expect(got.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });
});

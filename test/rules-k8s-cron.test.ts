import { describe, expect, it } from 'vitest';
import { durationProblem, scheduleProblem } from '../src/k8s/cron.js';

describe('CronJob schedules', () => {
  it('accepts what ParseStandard accepts', () => {
    const valid = [
      '*/5 * * * *',
      '0 3 * * *',
      '0 0 1 jan *',
      '30 2 * * MON-FRI',
      '0 0 * * sun',
      '0,15,30,45 * * * *',
      '1-59/2 * * * ?',
      '5/15 * * * *',
      '0 0 1,15 * *',
      '  0   0 * * *  ',
      '@hourly',
      '@daily',
      '@midnight',
      '@weekly',
      '@monthly',
      '@yearly',
      '@annually',
      '@every 1h30m',
      '@every 90s',
      '@every 1.5h',
      '@every 0',
      'TZ=UTC 0 3 * * *',
      'CRON_TZ=Europe/Paris @daily',
      '0 +3 * * *',
      '*-5 * * * *',
    ];
    expect(valid.filter((s) => scheduleProblem(s) !== undefined)).toEqual([]);
  });

  it('explains what it rejects', () => {
    expect(scheduleProblem('* * * * * *')).toMatch(/6 fields/);
    expect(scheduleProblem('0 * * *')).toMatch(/4 fields/);
    expect(scheduleProblem('61 * * * *')).toBe('minute 61 is above 59');
    expect(scheduleProblem('0 24 * * *')).toBe('hour 24 is above 23');
    expect(scheduleProblem('0 0 0 * *')).toBe('day-of-month 0 is below 1');
    expect(scheduleProblem('0 0 * 13 *')).toBe('month 13 is above 12');
    expect(scheduleProblem('0 0 * * 7')).toBe('day-of-week 7 is above 6 (Sunday is 0)');
    expect(scheduleProblem('0 0 * * 1-7')).toMatch(/above 6/);
    expect(scheduleProblem('0 5-1 * * *')).toMatch(/runs backwards/);
    expect(scheduleProblem('*/0 * * * *')).toMatch(/must be positive/);
    expect(scheduleProblem('*/ * * * *')).toMatch(/not a number/);
    expect(scheduleProblem('0 0 * * monday')).toMatch(/not a number or a name/);
    expect(scheduleProblem('1-2-3 * * * *')).toMatch(/too many "-"/);
    expect(scheduleProblem('1/2/3 * * * *')).toMatch(/too many "\/"/);
    expect(scheduleProblem('*/-5 * * * *')).toMatch(/negative/);
    expect(scheduleProblem('@Daily')).toMatch(/not a known descriptor/);
    expect(scheduleProblem('@every 1d')).toMatch(/unknown unit "d"/);
    expect(scheduleProblem('@every 10')).toMatch(/misses a unit/);
    expect(scheduleProblem('@every')).toMatch(/not a known descriptor/);
    expect(scheduleProblem('')).toMatch(/0 fields/);
  });

  it('reads durations like Go', () => {
    for (const ok of ['1h', '1h30m', '1.5h', '.5s', '5.s', '300ms', '1us', '1µs', '-1m', '0']) expect(durationProblem(ok), ok).toBeUndefined();
    for (const bad of ['', '1', 'h', '.h', '1 h', '1d', '1h 30m']) expect(durationProblem(bad), bad).toBeDefined();
  });
});

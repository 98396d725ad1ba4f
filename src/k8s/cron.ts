/**
 * CronJob schedules as the API server parses them (robfig/cron v3 `ParseStandard`): five fields
 * (minute hour day-of-month month day-of-week) or a descriptor (`@daily`, `@every 1h30m`), after an
 * optional `TZ=` / `CRON_TZ=` prefix. Each problem is described in plain words.
 */

interface Bounds {
  field: string;
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const FIELDS: readonly Bounds[] = [
  { field: 'minute', min: 0, max: 59 },
  { field: 'hour', min: 0, max: 23 },
  { field: 'day-of-month', min: 1, max: 31 },
  { field: 'month', min: 1, max: 12, names: Object.fromEntries(MONTHS.map((m, i) => [m, i + 1])) },
  { field: 'day-of-week', min: 0, max: 6, names: Object.fromEntries(DAYS.map((d, i) => [d, i])) },
];

const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** Go's strconv.Atoi on a non-negative decimal (an optional sign, then digits only). */
function integer(text: string, b: Bounds): number | string {
  const named = b.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^[+-]?\d+$/.test(text)) {
    const hint = b.names ? ` or a name such as ${b.field === 'month' ? 'jan' : 'mon'}` : '';
    return `"${text}" in the ${b.field} field is not a number${hint}`;
  }
  const n = Number(text);
  if (n < 0) return `negative number ${text} in the ${b.field} field`;
  // Larger than Go's int: strconv.Atoi fails; anything this big is out of every range anyway.
  return n;
}

/** One comma-separated part of a field: `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function checkRange(expr: string, b: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
  } else {
    const low = integer(lowAndHigh[0]!, b);
    if (typeof low === 'string') return low;
    start = end = low;
    if (lowAndHigh.length === 2) {
      const high = integer(lowAndHigh[1]!, b);
      if (typeof high === 'string') return high;
      end = high;
    } else if (lowAndHigh.length > 2) return `"${expr}" in the ${b.field} field has too many "-"`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = integer(rangeAndStep[1]!, { field: b.field, min: 0, max: 0 });
    if (typeof s === 'string') return s;
    step = s;
    // `n/step` means from n to the maximum.
    if (lowAndHigh.length === 1) end = b.max;
  } else if (rangeAndStep.length > 2) return `"${expr}" in the ${b.field} field has too many "/"`;
  if (start < b.min) return `${b.field} ${start} is below ${b.min}`;
  if (end > b.max) return `${b.field} ${end} is above ${b.max}${b.field === 'day-of-week' && end === 7 ? ' (Sunday is 0)' : ''}`;
  if (start > end) return `the ${b.field} range "${expr}" runs backwards`;
  if (step === 0) return `the ${b.field} step in "${expr}" must be positive`;
  return undefined;
}

const UNITS = new Set(['ns', 'us', 'µs', 'μs', 'ms', 's', 'm', 'h']);
const NS: Record<string, number> = { ns: 1, us: 1e3, µs: 1e3, μs: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Go's time.ParseDuration: `1h30m`, `90s`, `1.5h`, `0`; undefined when it parses. */
export function durationProblem(text: string): string | undefined {
  let s = text.replace(/^[-+]/, '');
  if (s === '0') return undefined;
  if (s === '') return 'is empty';
  let total = 0;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (m[0] === '' || (m[1] === '' && !m[2])) return 'is not a duration such as 1h30m';
    s = s.slice(m[0].length);
    const unit = /^[^0-9.]*/.exec(s)![0];
    if (unit === '') return 'misses a unit (ns, us, ms, s, m or h)';
    if (!UNITS.has(unit)) return `has the unknown unit "${unit}" (use ns, us, ms, s, m or h)`;
    s = s.slice(unit.length);
    total += Number(`${m[1] || '0'}.${m[2] ?? ''}0`) * NS[unit]!;
  }
  return total > 9223372036854775807 ? 'is too long' : undefined;
}

/** Why the API server rejects a schedule, or undefined when it parses. */
export function scheduleProblem(schedule: string): string | undefined {
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    if (space < 0) return 'has a time zone but no schedule';
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (DESCRIPTORS.includes(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const problem = durationProblem(spec.slice('@every '.length));
      return problem ? `the duration of @every ${problem}` : undefined;
    }
    return `"${spec}" is not a known descriptor (${DESCRIPTORS.join(', ')} or @every <duration>)`;
  }
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `it has ${fields.length} field${fields.length === 1 ? '' : 's'}; a schedule has exactly 5 (minute hour day-of-month month day-of-week)`;
  for (const [i, field] of fields.entries()) {
    for (const expr of field.split(',').filter((e) => e !== '')) {
      const problem = checkRange(expr, FIELDS[i]!);
      if (problem) return problem;
    }
  }
  return undefined;
}

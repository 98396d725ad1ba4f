import { versionAtLeast } from '../k8s/api-version.js';
import { scheduleProblem } from '../k8s/cron.js';
import { asObject } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

/** One part of an IANA zone name between slashes, as validateTimeZone allows it. */
const ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function timeZoneProblem(zone: string): string | undefined {
  if (zone === '') return 'is empty: leave timeZone out to use the time zone of the controller manager';
  if (zone.split('/').some((p) => p === '.' || p === '..' || p.startsWith('-') || !ZONE_PART.test(p))) return 'is not a time zone name';
  if (zone.toLowerCase() === 'local') return 'must name an explicit time zone such as Europe/Paris, not Local';
  return undefined;
}

export default defineRule<'empty' | 'invalid' | 'timeZone' | 'badTimeZone'>({
  id: 'cronjob-schedule',
  description: 'Require CronJob schedules the API server can parse (five cron fields or a descriptor, no TZ= in new CronJobs) and well-formed time zones',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: ['CronJob'],
  messages: {
    empty: 'schedule is empty',
    invalid: 'schedule "{{schedule}}" is invalid: {{reason}}',
    timeZone: 'schedule "{{schedule}}" sets a time zone, which new CronJobs may not do: use spec.timeZone',
    badTimeZone: 'timeZone "{{zone}}" {{reason}}',
  },
  *check(resource, ctx) {
    const spec = asObject(asObject(resource.object)?.spec);
    // spec.timeZone is served from 1.25 on; whether a well-formed name exists is left to the server.
    const zone = spec?.timeZone;
    if (typeof zone === 'string' && versionAtLeast(ctx.kubernetesVersion, '1.25')) {
      const reason = timeZoneProblem(zone);
      if (reason) yield { path: ['spec', 'timeZone'], on: 'value', messageId: 'badTimeZone', data: { zone, reason } };
    }
    const schedule = spec?.schedule;
    if (typeof schedule !== 'string') return;
    const path = ['spec', 'schedule'];
    if (schedule === '') {
      yield { path, on: 'value', messageId: 'empty', hint: 'five fields: minute hour day-of-month month day-of-week, such as "0 3 * * *"' };
      return;
    }
    // Since 1.27 creating a CronJob with TZ in its schedule is refused (updates of older ones pass).
    if (versionAtLeast(ctx.kubernetesVersion, '1.27') && schedule.includes('TZ')) {
      const zone = /^(?:CRON_)?TZ=(\S+)/.exec(schedule)?.[1];
      yield {
        path,
        on: 'value',
        messageId: 'timeZone',
        data: { schedule },
        ...(zone ? { hint: `remove the prefix and add timeZone: ${zone}` } : {}),
      };
    }
    const reason = scheduleProblem(schedule);
    if (reason) yield { path, on: 'value', messageId: 'invalid', data: { schedule, reason } };
  },
});

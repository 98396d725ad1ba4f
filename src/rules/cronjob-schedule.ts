import { versionAtLeast } from '../k8s/api-version.js';
import { scheduleProblem } from '../k8s/cron.js';
import { asObject } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

export default defineRule<'empty' | 'invalid' | 'timeZone'>({
  id: 'cronjob-schedule',
  description: 'Require CronJob schedules the API server can parse: five cron fields or a descriptor, without TZ= in new CronJobs',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: ['CronJob'],
  messages: {
    empty: 'schedule is empty',
    invalid: 'schedule "{{schedule}}" is invalid: {{reason}}',
    timeZone: 'schedule "{{schedule}}" sets a time zone, which new CronJobs may not do: use spec.timeZone',
  },
  *check(resource, ctx) {
    const schedule = asObject(asObject(resource.object)?.spec)?.schedule;
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

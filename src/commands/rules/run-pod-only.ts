/**
 * kubectl-run-pod-only: before 1.18 `kubectl run` created a Deployment (default), a Job
 * (`--restart OnFailure`), a CronJob (`--schedule`) or a Pod (`--restart Never`). Since 1.18 it
 * only creates Pods: `--schedule` and `--replicas` are unknown flags, and `--restart OnFailure`
 * quietly makes a Pod with that restart policy instead of a Job.
 */
import type { KubectlCommand } from '../parse-kubectl.js';
import type { CommandReport, CommandRule } from './command-rule.js';
import { createEquivalent, longFlags, withValue } from './flag-span.js';
import { createFix } from './command-fix.js';

const ID = 'kubectl-run-pod-only';

function* check(command: KubectlCommand, source?: string): Iterable<CommandReport> {
  const rewrite = (kind: 'deployment' | 'job' | 'cronjob') => {
    const fix = source === undefined ? undefined : createFix(command, kind, source);
    return fix ? { fix } : {};
  };
  if (command.path !== 'run') return;
  const schedule = longFlags(command, 'schedule');
  for (const flag of schedule) {
    const used = withValue(command, flag);
    yield {
      ...rewrite('cronjob'),
      ruleId: ID,
      severity: 'error',
      message: '`kubectl run` no longer creates CronJobs: --schedule was removed in 1.18 ("unknown flag: --schedule")',
      start: used.start,
      end: used.end,
      hint: `use \`${createEquivalent(command, 'cronjob')}\``,
    };
  }
  for (const flag of longFlags(command, 'replicas')) {
    const used = withValue(command, flag, (text) => /^\d+$/.test(text));
    yield {
      ...rewrite('deployment'),
      ruleId: ID,
      severity: 'error',
      message: '`kubectl run` no longer creates Deployments: --replicas was removed in 1.18 ("unknown flag: --replicas")',
      start: used.start,
      end: used.end,
      hint: `use \`${createEquivalent(command, 'deployment')}\``,
    };
  }
  // With --schedule (a CronJob) or --generator (its own rule) the author's intent is already reported.
  if (schedule.length > 0 || longFlags(command, 'generator').length > 0) return;
  for (const flag of longFlags(command, 'restart')) {
    if (flag.value?.text !== 'OnFailure') continue;
    yield {
      ...rewrite('job'),
      ruleId: ID,
      severity: 'warning',
      message: '`kubectl run --restart OnFailure` creates a Pod with restartPolicy OnFailure since 1.18, not a Job',
      start: flag.start,
      end: flag.value.end,
      hint: `for a Job use \`${createEquivalent(command, 'job')}\``,
    };
  }
}

export const runPodOnly: CommandRule = {
  id: ID,
  severity: 'error',
  description: 'Report `kubectl run` flags that used to create Deployments, Jobs and CronJobs: since 1.18 `run` only creates Pods',
  check,
};

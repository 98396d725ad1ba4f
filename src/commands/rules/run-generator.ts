/**
 * kubectl-run-generator: `--generator` was how `kubectl run` (and expose, autoscale, create
 * deployment) picked what to create. All generators but `run-pod/v1` went in 1.12, the flag
 * stopped having any effect in 1.18, and kubectl 1.32 rejects it as an unknown flag.
 */
import type { KubectlCommand } from '../parse-kubectl.js';
import type { CommandReport, CommandRule } from './command-rule.js';
import { createEquivalent, longFlags, withValue } from './flag-span.js';
import { createFix, dropFlag } from './command-fix.js';

const ID = 'kubectl-run-generator';

/** What an old generator name created, as the `kubectl create` subcommand that does it today. */
function replacementKind(generator: string): 'deployment' | 'job' | 'cronjob' | undefined {
  if (/^(deployment\/|run\/v1|extensions\/|apps\/)/.test(generator)) return 'deployment';
  if (/^job\//.test(generator)) return 'job';
  if (/^(cronjob\/|batch\/)/.test(generator)) return 'cronjob';
  return undefined;
}

function* check(command: KubectlCommand, source?: string): Iterable<CommandReport> {
  if (!command.spec) return;
  for (const flag of longFlags(command, 'generator')) {
    const used = withValue(command, flag, (text) => /^[a-z0-9.-]+\/v\d/.test(text));
    const kind = command.path === 'run' && used.value !== undefined ? replacementKind(used.value) : undefined;
    const hint = kind
      ? `use \`${createEquivalent(command, kind)}\``
      : command.path === 'run'
        ? 'drop the flag: `kubectl run` only creates a Pod; use `kubectl create deployment|job|cronjob` for other workloads'
        : 'drop the flag';
    // A Pod generator (or no run at all): the flag goes. Another workload: the create command that makes it.
    const podOrIgnored = command.path !== 'run' || used.value === 'run-pod/v1';
    const fix = source === undefined ? undefined : kind ? createFix(command, kind, source) : podOrIgnored ? dropFlag(flag, used.end, source) : undefined;
    yield {
      ...(fix ? { fix } : {}),
      ruleId: ID,
      severity: 'error',
      message: `--generator was removed from kubectl (ignored since 1.18, now "unknown flag: --generator")`,
      start: used.start,
      end: used.end,
      hint,
    };
  }
}

export const runGenerator: CommandRule = {
  id: ID,
  severity: 'error',
  description: 'Disallow the removed `--generator` flag and say which command creates the object today',
  check,
};

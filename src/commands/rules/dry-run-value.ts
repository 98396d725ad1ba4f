/**
 * kubectl-dry-run-value: `--dry-run` takes `client`, `server` or `none`, attached with `=`.
 * A bare `--dry-run` (or `=true`/`=false`) has been deprecated since 1.18; `--dry-run client`
 * does not set the value at all, and `--server-dry-run` is gone.
 */
import type { KubectlCommand } from '../parse-kubectl.js';
import type { CommandReport, CommandRule } from './command-rule.js';
import { longFlags } from './flag-span.js';
import { replaceFlag } from './command-fix.js';

const ID = 'kubectl-dry-run-value';
const STRATEGIES = new Set(['client', 'server', 'none']);

/**
 * True when the command takes --dry-run, or when it is a kubectl command our table does not
 * cover (`create secret tls`): elsewhere (`get --dry-run`) the flag is simply unknown.
 */
export function acceptsDryRun(command: KubectlCommand): boolean {
  if (command.path === '') return false;
  return !command.spec || command.spec.flags.has('dry-run');
}

/** What kubectl 1.18 read the deprecated forms as: a bare flag or `true` is `client`, `false` is `none`. */
function meant(value: string | undefined): string {
  return value === 'false' ? 'none' : 'client';
}

function* check(command: KubectlCommand): Iterable<CommandReport> {
  if (!acceptsDryRun(command)) return;
  for (const flag of longFlags(command, 'server-dry-run')) {
    const fix = flag.value ? undefined : replaceFlag(flag, flag.end, '--dry-run=server');
    yield {
      ...(fix ? { fix } : {}),
      ruleId: ID,
      severity: 'error',
      message: '--server-dry-run was replaced by --dry-run=server',
      start: flag.start,
      end: flag.value?.end ?? flag.end,
      hint: 'write --dry-run=server',
    };
  }
  for (const flag of longFlags(command, 'dry-run')) {
    const value = flag.value;
    if (value?.dynamic) continue;
    const args = command.invocation.args;
    const next = args[args.indexOf(flag.word) + 1];
    if (!value && next && STRATEGIES.has(next.value) && command.positionals.includes(next)) {
      const fix = next.raw === next.value ? replaceFlag(flag, next.end, `--dry-run=${next.value}`) : undefined;
      yield {
        ...(fix ? { fix } : {}),
        ruleId: ID,
        severity: 'error',
        message: `--dry-run only takes its value with "=": "${next.value}" is read as an extra argument`,
        start: flag.start,
        end: next.end,
        hint: `write --dry-run=${next.value}`,
      };
    } else if (!value || value.text === 'true' || value.text === 'false') {
      const written = value ? `--dry-run=${value.text}` : 'a bare --dry-run';
      const replacement = value?.text === 'false' ? '--dry-run=none (or drop the flag)' : '--dry-run=client (or --dry-run=server)';
      const fix = !value || value.raw === value.text ? replaceFlag(flag, value?.end ?? flag.end, `--dry-run=${meant(value?.text)}`) : undefined;
      yield {
        ...(fix ? { fix } : {}),
        ruleId: ID,
        severity: 'warning',
        message: `${written} is deprecated since kubectl 1.18`,
        start: flag.start,
        end: value?.end ?? flag.end,
        hint: `write ${replacement}`,
      };
    } else if (!STRATEGIES.has(value.text)) {
      yield {
        ruleId: ID,
        severity: 'error',
        message: `invalid --dry-run value "${value.text}": must be "none", "server" or "client"`,
        start: value.start,
        end: value.end,
      };
    }
  }
}

export const dryRunValue: CommandRule = {
  id: ID,
  severity: 'warning',
  description: 'Require an explicit `--dry-run=client|server|none` instead of the deprecated bare `--dry-run`',
  check,
};

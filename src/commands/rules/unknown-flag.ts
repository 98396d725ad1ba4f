/**
 * kubectl-unknown-flag: a flag the command does not define makes kubectl stop with
 * "unknown flag" before doing anything. The table of flags is generated from the kubectl 1.32
 * help texts; commands the table does not cover are not checked.
 */
import type { FlagUse, KubectlCommand } from '../parse-kubectl.js';
import { closest, closestUnique } from '../suggest.js';
import type { CommandReport, CommandRule } from './command-rule.js';
import { acceptsDryRun } from './dry-run-value.js';
import { renameFlag } from './command-fix.js';

const ID = 'kubectl-unknown-flag';

/** Flags another rule explains better; reporting them twice would be noise. */
const EXPLAINED_ELSEWHERE: Record<string, string[]> = {
  '*': ['generator'],
  run: ['schedule', 'replicas'],
};

/** Flags kubectl removed, with what replaced them (historical facts, not in the help texts). */
const REMOVED: Record<string, Record<string, string>> = {
  apply: { 'prune-whitelist': 'it was renamed --prune-allowlist in 1.26; use --prune-allowlist' },
  diff: { 'prune-whitelist': 'it was renamed --prune-allowlist in 1.26; use --prune-allowlist' },
  drain: { 'delete-local-data': 'it was renamed --delete-emptydir-data in 1.20 and the old name is gone; use --delete-emptydir-data' },
  get: { export: '--export was removed in 1.18; use `kubectl get -o yaml` and strip the status yourself' },
};

/** The removed flags that are the same flag under a new name: renamed by --fix. */
const RENAMED: Record<string, Record<string, string>> = {
  apply: { 'prune-whitelist': 'prune-allowlist' },
  diff: { 'prune-whitelist': 'prune-allowlist' },
  drain: { 'delete-local-data': 'delete-emptydir-data' },
};

function explainedElsewhere(command: KubectlCommand, name: string): boolean {
  if (name === 'server-dry-run') return acceptsDryRun(command);
  return (EXPLAINED_ELSEWHERE['*'] ?? []).includes(name) || (EXPLAINED_ELSEWHERE[command.path] ?? []).includes(name);
}

function report(command: KubectlCommand, flag: FlagUse): CommandReport {
  if (!flag.long) {
    return { ruleId: ID, severity: 'error', message: `unknown shorthand flag: '${flag.name}' in ${flag.word.value}`, start: flag.start, end: flag.end };
  }
  const spec = command.spec!;
  const removed = REMOVED[command.path]?.[flag.name];
  const suggestion = removed ? undefined : closest(flag.name, spec.flags.keys(), 2, true);
  const hint = removed ?? (suggestion ? `did you mean --${suggestion}?` : `see \`kubectl ${command.path} --help\``);
  // Fixed only when no other flag is as close: a rename must not be a guess between two.
  const renamed = RENAMED[command.path]?.[flag.name];
  const unique = renamed ? renameFlag(flag, renamed) : suggestion && closestUnique(flag.name, spec.flags.keys(), 2, true) === suggestion ? renameFlag(flag, suggestion) : undefined;
  return { ruleId: ID, severity: 'error', message: `unknown flag: --${flag.name}`, start: flag.start, end: flag.end, hint, ...(unique ? { fix: unique } : {}) };
}

function* check(command: KubectlCommand): Iterable<CommandReport> {
  const spec = command.spec;
  if (!spec) return;
  for (const flag of command.flags) {
    if (flag.spec || flag.dynamic) continue;
    if (flag.long && explainedElsewhere(command, flag.name)) continue;
    yield report(command, flag);
  }
}

export const unknownFlag: CommandRule = {
  id: ID,
  severity: 'error',
  description: 'Disallow flags that the kubectl subcommand does not define (kubectl 1.32), with a did-you-mean',
  check,
};

/** Helpers for rules about flags that kubectl no longer defines. */
import type { FlagUse, KubectlCommand } from '../parse-kubectl.js';
import type { Word } from '../shell-lexer.js';
import { shellQuote } from './command-rule.js';

export interface FlagWithValue {
  flag: FlagUse;
  /** The value: `=value`, or the next word when the flag is unknown and that word is no flag. */
  value?: string;
  /** The value as written in the source, for suggestions that keep quotes and expansions. */
  raw?: string;
  start: number;
  end: number;
}

/**
 * An unknown flag consumes nothing when kubectl parses it, but the author meant `--schedule "..."`
 * as flag and value: the value is the next word when it is not itself a flag.
 */
export function withValue(command: KubectlCommand, flag: FlagUse, looksLikeValue: (text: string) => boolean = () => true): FlagWithValue {
  if (flag.value) return { flag, value: flag.value.text, raw: flag.value.raw, start: flag.start, end: flag.value.end };
  const args = command.invocation.args;
  const next = args[args.indexOf(flag.word) + 1];
  if (next && !next.value.startsWith('-') && command.positionals.includes(next) && looksLikeValue(next.value)) {
    return { flag, value: next.value, raw: next.raw, start: flag.start, end: next.end };
  }
  return { flag, start: flag.start, end: flag.end };
}

/** True when `word` comes right after an unknown `--flag` without `=`: the author meant it as its value. */
function followsUnknownFlag(command: KubectlCommand, word: Word): boolean {
  const args = command.invocation.args;
  const previous = args[args.indexOf(word) - 1];
  return command.flags.some((flag) => flag.word === previous && flag.long && !flag.spec && !flag.value);
}

export function longFlags(command: KubectlCommand, name: string): FlagUse[] {
  return command.flags.filter((flag) => flag.long && !flag.dynamic && flag.name === name);
}

/** The value of the first `--name` as written in the source. */
function rawFlagValue(command: KubectlCommand, name: string): string | undefined {
  const flag = longFlags(command, name)[0];
  return flag ? withValue(command, flag).raw : undefined;
}

/**
 * The `kubectl create` command that does what an old `kubectl run` line meant, keeping its
 * name, image and container command: `kubectl create cronjob test --image nginx --schedule "*\/1 * * * *"`.
 */
export function createEquivalent(command: KubectlCommand, kind: 'deployment' | 'job' | 'cronjob'): string {
  const name = command.positionals.find((word) => word.dynamicAt < 0 && !followsUnknownFlag(command, word));
  const parts = ['kubectl', 'create', kind, name?.raw ?? 'NAME', '--image', rawFlagValue(command, 'image') ?? 'IMAGE'];
  if (kind === 'cronjob') parts.push('--schedule', rawFlagValue(command, 'schedule') ?? shellQuote('*/5 * * * *'));
  const replicas = rawFlagValue(command, 'replicas');
  if (kind === 'deployment' && replicas !== undefined) parts.push('--replicas', replicas);
  if (command.afterDashDash.length > 0) parts.push('--', ...command.afterDashDash.map((word) => word.raw));
  return parts.join(' ');
}

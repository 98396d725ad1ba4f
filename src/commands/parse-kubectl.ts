/**
 * Reads the arguments of one kubectl invocation the way kubectl (cobra + pflag) does: resolve
 * the command path (`create service clusterip`), then split flags, their values and positional
 * arguments, with `--` ending the flags (what follows is a container command, never checked).
 */
import { childPath, commandSpec, hasSubcommands, ROOT_COMMAND, type CommandSpec, type FlagSpec } from './flag-table.js';
import type { Invocation } from './invocations.js';
import type { Word } from './shell-lexer.js';

export interface FlagValue {
  text: string;
  /** The value as written in the source, quotes and expansions included. */
  raw: string;
  start: number;
  end: number;
  /** Written in the same word (`--restart=Never`, `-oyaml`) rather than as the next word. */
  attached: boolean;
  dynamic: boolean;
}

export interface FlagUse {
  word: Word;
  /** Name without dashes as written: `restart`, or the letter of a short flag. */
  name: string;
  long: boolean;
  /** Source span of `--name` / `-x`. */
  start: number;
  end: number;
  /** The flag's definition for this command, when it has one. */
  spec?: FlagSpec;
  value?: FlagValue;
  /** The name contains a shell expansion, so it cannot be checked. */
  dynamic: boolean;
}

export interface KubectlCommand {
  invocation: Invocation;
  /** Resolved command path, `''` when no command word was found. */
  path: string;
  /** The flag table entry for `path`, when the help texts cover it. */
  spec?: CommandSpec;
  flags: FlagUse[];
  positionals: Word[];
  afterDashDash: Word[];
  /** An unknown flag or an expansion made the reading of later words a guess. */
  uncertain: boolean;
}

function isFlagWord(word: Word): boolean {
  return word.value.length > 1 && word.value.startsWith('-') && word.dynamicAt !== 0;
}

/** Offset just after character `index` of the word's value (or the word end). */
function endOf(word: Word, index: number): number {
  const at = word.offsets[index];
  return at === undefined ? word.end : at + 1;
}

function startOf(word: Word, index: number): number {
  return word.offsets[index] ?? word.end;
}

function valueFrom(word: Word, from: number, attached: boolean): FlagValue {
  const start = from < word.value.length ? startOf(word, from) : word.end;
  // An opening quote just before the value belongs to it when written as `--flag="a b"`.
  const rawStart = start > word.start && /["']/.test(word.raw[start - word.start - 1] ?? '') ? start - 1 : start;
  return {
    text: word.value.slice(from),
    raw: word.raw.slice(rawStart - word.start),
    start,
    end: word.end,
    attached,
    dynamic: word.dynamicAt >= 0,
  };
}

interface ReadResult {
  uses: FlagUse[];
  /** How many following words the flag consumed as its value. */
  consumed: number;
  uncertain: boolean;
}

function readLong(word: Word, next: Word | undefined, spec: CommandSpec): ReadResult {
  const eq = word.value.indexOf('=');
  const name = word.value.slice(2, eq < 0 ? undefined : eq);
  const dynamic = word.dynamicAt >= 0 && (eq < 0 || word.dynamicAt < eq);
  const flag = spec.flags.get(name);
  const use: FlagUse = { word, name, long: true, start: startOf(word, 0), end: eq < 0 ? word.end : endOf(word, eq - 1), dynamic, ...(flag ? { spec: flag } : {}) };
  if (eq >= 0) {
    use.value = valueFrom(word, eq + 1, true);
    return { uses: [use], consumed: 0, uncertain: false };
  }
  if (flag && (flag.kind === 'value' || flag.kind === 'list') && next) {
    use.value = { text: next.value, raw: next.raw, start: next.start, end: next.end, attached: false, dynamic: next.dynamicAt >= 0 };
    return { uses: [use], consumed: 1, uncertain: false };
  }
  return { uses: [use], consumed: 0, uncertain: !flag };
}

/** `-it`, `-oyaml`, `-o=yaml`, `-n ns`: pflag reads a cluster letter by letter until one takes a value. */
function readShorts(word: Word, next: Word | undefined, spec: CommandSpec): ReadResult {
  const uses: FlagUse[] = [];
  for (let k = 1; k < word.value.length; k++) {
    const letter = word.value[k]!;
    const dynamic = word.dynamicAt >= 0 && word.dynamicAt <= k;
    const flag = spec.shorts.get(letter);
    const use: FlagUse = { word, name: letter, long: false, start: k === 1 ? startOf(word, 0) : startOf(word, k), end: endOf(word, k), dynamic, ...(flag ? { spec: flag } : {}) };
    uses.push(use);
    if (!flag || dynamic) return { uses, consumed: 0, uncertain: true };
    if (flag.kind === 'bool') continue;
    const rest = word.value[k + 1] === '=' ? k + 2 : k + 1;
    if (rest < word.value.length) {
      use.value = valueFrom(word, rest, true);
      return { uses, consumed: 0, uncertain: false };
    }
    if (flag.kind !== 'optional' && next) {
      use.value = { text: next.value, raw: next.raw, start: next.start, end: next.end, attached: false, dynamic: next.dynamicAt >= 0 };
      return { uses, consumed: 1, uncertain: false };
    }
    return { uses, consumed: 0, uncertain: false };
  }
  return { uses, consumed: 0, uncertain: false };
}

function readFlag(word: Word, next: Word | undefined, spec: CommandSpec): ReadResult {
  return word.value.startsWith('--') ? readLong(word, next, spec) : readShorts(word, next, spec);
}

/** First pass: which words name the command path. Flags before a subcommand are read with the parent's table. */
function resolvePath(args: Word[]): { path: string; pathWords: Set<Word>; resolved: boolean } {
  let path = '';
  const pathWords = new Set<Word>();
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.value === '--' && word.dynamicAt < 0) break;
    if (isFlagWord(word)) {
      i += readFlag(word, args[i + 1], commandSpec(path) ?? ROOT_COMMAND).consumed;
      continue;
    }
    if (path !== '' && !hasSubcommands(path)) break;
    const child = word.dynamicAt < 0 ? childPath(path, word.value) : undefined;
    if (child === undefined) return { path, pathWords, resolved: path !== '' && !hasSubcommands(path) };
    path = child;
    pathWords.add(word);
  }
  return { path, pathWords, resolved: path !== '' };
}

export function parseKubectl(invocation: Invocation): KubectlCommand {
  const { args } = invocation;
  const { path, pathWords, resolved } = resolvePath(args);
  const spec = resolved ? commandSpec(path) : undefined;
  const table = spec ?? ROOT_COMMAND;
  const command: KubectlCommand = { invocation, path, ...(spec ? { spec } : {}), flags: [], positionals: [], afterDashDash: [], uncertain: !spec };
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    if (word.value === '--' && word.dynamicAt < 0) {
      command.afterDashDash = args.slice(i + 1);
      break;
    }
    if (pathWords.has(word)) continue;
    if (isFlagWord(word)) {
      const read = readFlag(word, args[i + 1], table);
      command.flags.push(...read.uses);
      command.uncertain ||= read.uncertain;
      i += read.consumed;
      continue;
    }
    if (word.dynamicAt >= 0) command.uncertain = true;
    command.positionals.push(word);
  }
  return command;
}

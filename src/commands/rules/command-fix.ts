/**
 * Fixes of kubectl command lines as text edits. A fix is offered only where the rewrite is exact:
 * words written plainly (no quotes or expansions inside a flag name), and, for a whole-command
 * rewrite, a command made only of the words the rewrite carries over.
 */
import type { Fix } from '../../types.js';
import { commandSpec } from '../flag-table.js';
import type { FlagUse, KubectlCommand } from '../parse-kubectl.js';
import { createEquivalent, withValue } from './flag-span.js';

/** True when `--name` is written as is at the start of its word (no quotes, no expansion). */
function plainName(flag: FlagUse): boolean {
  return !flag.dynamic && flag.long && flag.word.start === flag.start && flag.word.raw.startsWith(`--${flag.name}`);
}

/** Replaces the flag name (`--restar` → `--restart`), keeping an attached `=value`. */
export function renameFlag(flag: FlagUse, name: string): Fix | undefined {
  return plainName(flag) ? { edits: [{ start: flag.start, end: flag.end, text: `--${name}` }] } : undefined;
}

/** Replaces the flag and what it holds (`--dry-run`, `--dry-run=true`, `--dry-run client`) with `text`. */
export function replaceFlag(flag: FlagUse, end: number, text: string): Fix | undefined {
  return plainName(flag) ? { edits: [{ start: flag.start, end, text }] } : undefined;
}

/** Deletes the flag (and its value up to `end`) with the blanks before it on its line. */
export function dropFlag(flag: FlagUse, end: number, source: string): Fix | undefined {
  if (!plainName(flag)) return undefined;
  let start = flag.start;
  while (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
  return { edits: [{ start, end, text: '' }] };
}

/** Flags the `kubectl create` rewrite itself turns into its arguments. */
const CARRIED = new Set(['image', 'restart', 'schedule', 'replicas', 'generator']);

/**
 * The other flags as written (`--dry-run=client`, `-o yaml`, `-n jobs`), kept when the create
 * command defines every one of them; undefined when one would be lost.
 */
function passedThrough(command: KubectlCommand, kind: string): string[] | undefined {
  const target = commandSpec(`create ${kind}`);
  if (!target) return undefined;
  const out: string[] = [];
  const words = new Set<unknown>();
  for (const flag of command.flags) {
    if (flag.long && CARRIED.has(flag.name)) continue;
    if (flag.dynamic || !(flag.long ? target.flags.has(flag.name) : target.shorts.has(flag.name))) return undefined;
    if (words.has(flag.word)) continue;
    words.add(flag.word);
    out.push(flag.value && !flag.value.attached ? `${flag.word.raw} ${flag.value.raw}` : flag.word.raw);
  }
  return out;
}

/**
 * Rewrites a whole `kubectl run …` as the `kubectl create job|cronjob|deployment …` that does what
 * it meant. Only when nothing is lost: the name, an image, flags the rewrite carries or that the
 * create command also defines, with only blanks and line continuations between the words.
 */
export function createFix(command: KubectlCommand, kind: 'deployment' | 'job' | 'cronjob', source: string): Fix | undefined {
  const { invocation } = command;
  const extra = passedThrough(command, kind);
  if (!extra) return undefined;
  const image = command.flags.find((f) => f.name === 'image');
  if (!image || withValue(command, image).value === undefined) return undefined;
  const consumed = new Set(command.flags.map((f) => withValue(command, f).end));
  const names = command.positionals.filter((w) => w.value !== 'run' && !consumed.has(w.end));
  if (names.length !== 1 || names[0]!.dynamicAt >= 0) return undefined;
  const words = [invocation.command, ...invocation.args];
  if (words.length < 2) return undefined;
  for (let i = 1; i < words.length; i++) {
    if (!/^(?:[ \t]|\\\r?\n)+$/.test(source.slice(words[i - 1]!.end, words[i]!.start))) return undefined;
  }
  let text = createEquivalent(command, kind);
  if (text.includes(' NAME ') || text.includes(' IMAGE') || !text.startsWith('kubectl ')) return undefined;
  if (extra.length > 0) {
    const tail = command.afterDashDash.length > 0 ? ` -- ${command.afterDashDash.map((w) => w.raw).join(' ')}` : '';
    if (!text.endsWith(tail)) return undefined;
    text = `${text.slice(0, text.length - tail.length)} ${extra.join(' ')}${tail}`;
  }
  // The command word stays as written (`/usr/local/bin/kubectl`, `sudo kubectl`).
  return { edits: [{ start: words[1]!.start, end: words[words.length - 1]!.end, text: text.slice('kubectl '.length) }] };
}

/**
 * Finds `kubectl` invocations in lexed shell tokens: the simple commands whose command word is
 * `kubectl` (or a path ending in `/kubectl`), after env assignments, `sudo`, `env`, `time` and
 * shell keywords. Aliases such as `k` are deliberately not recognised: too ambiguous.
 */
import { REDIRECTIONS, type LexResult, type Token, type Word } from './shell-lexer.js';

export interface Invocation {
  /** The `kubectl` word itself. */
  command: Word;
  /** Arguments after `kubectl`, in order, without redirections and their targets. */
  args: Word[];
}

const SEPARATORS = new Set(['\n', ';', ';;', '&&', '||', '|', '|&', '&', '(', ')']);
/** Words that may precede a command without being it. */
const TRANSPARENT = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'exec', 'command', 'builtin', 'nohup']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** sudo options that take a separate value. */
const SUDO_VALUE_OPTIONS = new Set(['-u', '-g', '-p', '-C', '-D', '-h', '-r', '-t', '-U', '-T']);

function isKubectl(word: Word): boolean {
  if (word.dynamicAt >= 0) return false;
  return word.value === 'kubectl' || word.value.endsWith('/kubectl');
}

/** Index of the command word in a simple command, skipping prefixes; -1 when there is none. */
function commandIndex(words: Word[]): number {
  let i = 0;
  while (i < words.length) {
    const value = words[i]!.value;
    if (ASSIGNMENT.test(value) || TRANSPARENT.has(value)) {
      i++;
    } else if (value === 'sudo') {
      i++;
      while (i < words.length && words[i]!.value.startsWith('-')) {
        i += SUDO_VALUE_OPTIONS.has(words[i]!.value) ? 2 : 1;
      }
    } else if (value === 'env') {
      i++;
      while (i < words.length && (words[i]!.value.startsWith('-') || ASSIGNMENT.test(words[i]!.value))) {
        i += words[i]!.value === '-u' ? 2 : 1;
      }
    } else {
      return i;
    }
  }
  return -1;
}

function simpleCommands(tokens: Token[]): Word[][] {
  const commands: Word[][] = [];
  let current: Word[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'word') {
      current.push(token);
    } else if (SEPARATORS.has(token.op)) {
      if (current.length > 0) commands.push(current);
      current = [];
    } else if (REDIRECTIONS.has(token.op.replace(/^\d+/, ''))) {
      // The redirection target (`> out.yaml`, `2>&1`, here-doc delimiter) is not an argument.
      if (tokens[i + 1]?.kind === 'word') i++;
    }
  }
  if (current.length > 0) commands.push(current);
  return commands;
}

export function findInvocations(lexed: LexResult): Invocation[] {
  const invocations: Invocation[] = [];
  for (const stream of [lexed.tokens, ...lexed.substitutions]) {
    for (const words of simpleCommands(stream)) {
      const at = commandIndex(words);
      if (at < 0 || !isKubectl(words[at]!)) continue;
      invocations.push({ command: words[at]!, args: words.slice(at + 1) });
    }
  }
  return invocations.sort((a, b) => a.command.start - b.command.start);
}

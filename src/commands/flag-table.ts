/**
 * Typed access to `kubectl-flags.json`, the flag table generated from the kubectl 1.32 help
 * texts by scripts/build-kubectl-flags.mjs.
 */
import table from './kubectl-flags.json' with { type: 'json' };

/** How a flag takes its value: `bool` never consumes the next word, `optional` only takes `=value`. */
export type FlagKind = 'bool' | 'value' | 'list' | 'optional';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  short?: string;
}

export interface CommandSpec {
  /** Space-separated command path: `create service clusterip`. */
  path: string;
  aliases: string[];
  /** Subcommand names listed by the help text (some have no help text of their own). */
  subcommands: string[];
  /** Deprecated flags that kubectl still accepts although its help hides them. */
  hidden: string[];
  flags: Map<string, FlagSpec>;
  shorts: Map<string, FlagSpec>;
}

interface RawFlag {
  kind: string;
  short?: string;
}

function toSpecs(raw: Record<string, RawFlag>): FlagSpec[] {
  return Object.entries(raw).map(([name, flag]) => ({ name, kind: flag.kind as FlagKind, ...(flag.short ? { short: flag.short } : {}) }));
}

const globalFlags = toSpecs(table.global as Record<string, RawFlag>);

function buildCommand(path: string, raw: { aliases: string[]; subcommands: string[]; hidden: string[]; flags: Record<string, RawFlag> }): CommandSpec {
  // Global options are valid on every command; local flags win when both define a name. Hidden
  // deprecated flags (`--record`) are booleans that kubectl still accepts.
  const hidden: FlagSpec[] = raw.hidden.map((name) => ({ name, kind: 'bool' }));
  const specs = [...globalFlags, ...hidden, ...toSpecs(raw.flags)];
  const flags = new Map(specs.map((spec) => [spec.name, spec]));
  const shorts = new Map(specs.filter((spec) => spec.short).map((spec) => [spec.short!, spec]));
  return { path, aliases: raw.aliases, subcommands: raw.subcommands, hidden: raw.hidden, flags, shorts };
}

const commands = new Map<string, CommandSpec>(
  Object.entries(table.commands as Record<string, { aliases: string[]; subcommands: string[]; hidden: string[]; flags: Record<string, RawFlag> }>).map(
    ([path, raw]) => [path, buildCommand(path, raw)],
  ),
);

/** The root `kubectl` command: only the global options. */
export const ROOT_COMMAND: CommandSpec = buildCommand('', { aliases: [], subcommands: [], hidden: [], flags: {} });

export function commandSpec(path: string): CommandSpec | undefined {
  return path === '' ? ROOT_COMMAND : commands.get(path);
}

/**
 * The child command that `word` names under `parent` (by name or alias), as a path. Children that
 * the help lists but whose own help text we do not have are returned too, without a spec.
 */
export function childPath(parent: string, word: string): string | undefined {
  const prefix = parent === '' ? '' : `${parent} `;
  const direct = `${prefix}${word}`;
  if (commands.has(direct)) return direct;
  for (const spec of commands.values()) {
    if (spec.path.startsWith(prefix) && !spec.path.slice(prefix.length).includes(' ') && spec.aliases.includes(word)) return spec.path;
  }
  const listed = parent === '' ? undefined : commands.get(parent)?.subcommands;
  if (listed?.includes(word)) return direct;
  // A path whose deeper levels are known (`create service` from `create service clusterip`).
  for (const path of commands.keys()) if (path.startsWith(`${direct} `)) return direct;
  return undefined;
}

/** True when the command has subcommands, so its first positional word names one. */
export function hasSubcommands(path: string): boolean {
  if (commands.get(path)?.subcommands.length) return true;
  const prefix = `${path} `;
  for (const key of commands.keys()) if (key.startsWith(prefix)) return true;
  return false;
}

export const KUBECTL_VERSION: string = table.kubectl;

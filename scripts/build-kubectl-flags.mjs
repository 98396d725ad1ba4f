#!/usr/bin/env node
// Builds src/commands/kubectl-flags.json from the `kubectl <command> --help` texts in
// ../shared/kubectl-reference (kubectl client v1.32.4). The JSON is committed; `--check`
// regenerates it in memory and fails when the committed copy differs, and skips cleanly
// when the reference texts are not available (for example in a published tarball).
//
// Usage: node scripts/build-kubectl-flags.mjs [--check] [--reference <dir>]
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFile = join(root, 'src/commands/kubectl-flags.json');
const args = process.argv.slice(2);
const check = args.includes('--check');
const refIndex = args.indexOf('--reference');
const referenceDir =
  refIndex >= 0 && args[refIndex + 1] ? resolve(args[refIndex + 1]) : resolve(root, '../shared/kubectl-reference');

// Flags whose value is optional (pflag NoOptDefVal): written bare they take a default, and a
// value must then be attached with `=`. The help texts do not show this, kubectl's source does.
const OPTIONAL_VALUE = new Set(['dry-run', 'validate', 'cascade']);

// Flags that kubectl 1.32 still accepts but hides from `--help` because they are deprecated.
// Listing them keeps `kubectl-unknown-flag` from reporting commands that do run. `--record`
// is accepted (with a deprecation warning) by exactly these commands; `create deployment` and
// the other create subcommands reject it.
const RECORD_COMMANDS = ['annotate', 'apply', 'autoscale', 'create', 'edit', 'expose', 'label', 'patch', 'run', 'scale', 'set image'];
const HIDDEN_ACCEPTED = Object.fromEntries(RECORD_COMMANDS.map((path) => [path, ['record']]));

const OPTION_LINE = /^ {4}(?:-([A-Za-z0-9]), )?--([a-z0-9][a-z0-9-]*)=(.*):$/;

/** Turns the default shown in help (`false`, `[]`, `'Always'`, `0s`) into how the flag takes values. */
function kindOf(name, defaultText) {
  if (OPTIONAL_VALUE.has(name)) return 'optional';
  if (defaultText === 'true' || defaultText === 'false') return 'bool';
  if (defaultText.startsWith('[')) return 'list';
  return 'value';
}

function section(lines, title) {
  const start = lines.findIndex((line) => line === `${title}:`);
  if (start < 0) return [];
  const body = [];
  for (const line of lines.slice(start + 1)) {
    if (line !== '' && !/^\s/.test(line)) break;
    body.push(line);
  }
  return body;
}

function parseHelp(text) {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const flags = {};
  // `kubectl options` prints its list without an `Options:` heading.
  const optionLines = lines.includes('Options:') ? section(lines, 'Options') : lines;
  for (const line of optionLines) {
    const match = OPTION_LINE.exec(line);
    if (!match) continue;
    const [, short, name, defaultText] = match;
    flags[name] = short ? { kind: kindOf(name, defaultText), short } : { kind: kindOf(name, defaultText) };
  }
  const subcommands = section(lines, 'Available Commands')
    .map((line) => /^ {2}(\S+)\s/.exec(line)?.[1])
    .filter(Boolean);
  // kubectl prints the alias list unindented on the line after `Aliases:`.
  const aliasAt = lines.indexOf('Aliases:');
  const aliasLine = aliasAt >= 0 ? lines[aliasAt + 1] : undefined;
  const aliases = aliasLine ? aliasLine.split(',').map((alias) => alias.trim()).filter(Boolean) : [];
  const usage = section(lines, 'Usage').find((line) => line.trim().startsWith('kubectl'));
  return { flags, subcommands, aliases, usage: usage?.trim() };
}

/** `kubectl create service clusterip NAME [...]` → `create service clusterip`. */
function commandPath(usage) {
  const words = usage.split(/\s+/).slice(1);
  const path = [];
  for (const word of words) {
    if (!/^[a-z][a-z0-9-]*$/.test(word)) break;
    path.push(word);
  }
  return path.join(' ');
}

function sortKeys(object) {
  return Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
}

function build() {
  const files = readdirSync(referenceDir).filter((name) => name.endsWith('.txt')).sort();
  let global = {};
  const commands = {};
  for (const name of files) {
    const help = parseHelp(readFileSync(join(referenceDir, name), 'utf8'));
    if (name === 'global-options.txt') {
      global = sortKeys(help.flags);
      continue;
    }
    if (!help.usage) throw new Error(`${name}: no Usage line`);
    const path = commandPath(help.usage);
    const hidden = HIDDEN_ACCEPTED[path] ?? [];
    commands[path] = {
      source: name,
      aliases: help.aliases.filter((alias) => alias !== path.split(' ').at(-1)),
      subcommands: help.subcommands,
      hidden: hidden.filter((flag) => !(flag in help.flags)).sort(),
      flags: sortKeys(help.flags),
    };
  }
  return {
    kubectl: 'v1.32.4',
    generatedBy: 'scripts/build-kubectl-flags.mjs from `kubectl <command> --help`; do not edit by hand',
    optionalValueFlags: [...OPTIONAL_VALUE].sort(),
    global,
    commands: sortKeys(commands),
  };
}

if (!existsSync(referenceDir)) {
  console.log(`build-kubectl-flags: ${referenceDir} not found, skipping`);
  process.exit(0);
}
const json = `${JSON.stringify(build(), null, 2)}\n`;
if (check) {
  const current = existsSync(outFile) ? readFileSync(outFile, 'utf8') : '';
  if (current !== json) {
    console.error('build-kubectl-flags: src/commands/kubectl-flags.json is out of date; run node scripts/build-kubectl-flags.mjs');
    process.exit(1);
  }
  console.log('build-kubectl-flags: up to date');
} else {
  writeFileSync(outFile, json);
  console.log(`build-kubectl-flags: wrote ${outFile}`);
}

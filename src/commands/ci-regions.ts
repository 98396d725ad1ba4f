/**
 * Shell commands inside CI YAML: GitHub Actions `run:` steps and GitLab CI `script:`,
 * `before_script:` and `after_script:` (a string or a list of strings).
 *
 * A line-based scan rather than a YAML parse: the parse layer owns the `yaml` package, and for
 * these keys the scalar text sits in the file verbatim (block scalars, plain scalars, simple
 * quoted scalars), so regions can point straight into the original text. Quoted scalars with
 * escapes are skipped rather than guessed at.
 */
import { splitLines } from './markdown.js';
import type { Region } from './region.js';

const KEY = /^([ \t]*)(?:-[ \t]+)?([a-z_]+)[ \t]*:(?:[ \t]+|$)(.*)$/;
/** GitHub Actions steps run `run:`; GitLab CI jobs run `script:` and its before/after hooks. */
const GITHUB_KEYS = new Set(['run']);
const GITLAB_KEYS = new Set(['script', 'before_script', 'after_script']);
const ITEM = /^([ \t]*)-(?:[ \t]+|$)(.*)$/;
const BLOCK_HEADER = /^[|>][-+0-9]*[ \t]*(?:#.*)?$/;

type Line = ReturnType<typeof splitLines>[number];

function indentOf(text: string): number {
  return /^[ \t]*/.exec(text)![0].length;
}

function isBlank(line: Line): boolean {
  return line.text.trim() === '' || line.text.trimStart().startsWith('#');
}

/** Index of the last line that belongs to a value more indented than `parentIndent`. */
function lastNested(lines: Line[], from: number, parentIndent: number): number {
  let last = from - 1;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.text.trim() === '') continue;
    if (indentOf(line.text) <= parentIndent) break;
    last = j;
  }
  return last;
}

/**
 * The scalar starting at `valueStart` on line `i` (a block scalar header, a quoted or a plain
 * scalar); returns its region and the index of its last line.
 */
function scalarRegion(lines: Line[], i: number, valueStart: number, parentIndent: number): { region?: Region; last: number } {
  const line = lines[i]!;
  const value = line.text.slice(valueStart - line.start);
  if (BLOCK_HEADER.test(value)) {
    const last = lastNested(lines, i + 1, parentIndent);
    if (last <= i) return { last: i };
    return { region: { start: lines[i + 1]!.start, end: lines[last]!.end, fold: value.startsWith('>') }, last };
  }
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.lastIndexOf(quote);
    const inner = value.slice(1, close);
    const escaped = quote === '"' ? inner.includes('\\') : inner.includes("''");
    if (close <= 0 || escaped) return { last: i };
    return { region: { start: valueStart + 1, end: valueStart + close }, last: i };
  }
  // A plain scalar may continue on more-indented lines; YAML folds them into one line.
  const last = lastNested(lines, i + 1, parentIndent);
  const end = last > i ? lines[last]!.end : line.end;
  return { region: { start: valueStart, end, fold: last > i }, last: Math.max(last, i) };
}

/**
 * `file` tells the flavour: `.gitlab-ci.yml` (and `*.gitlab-ci.yml` includes) use GitLab's keys,
 * anything else GitHub's. In a workflow, `script:` is an action input (JavaScript for
 * actions/github-script), so it must not be read as shell.
 */
export function ciRegions(text: string, file: string): Region[] {
  const keys = /gitlab-ci\.ya?ml$/i.test(file) ? GITLAB_KEYS : GITHUB_KEYS;
  const regions: Region[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const key = KEY.exec(line.text);
    if (!key || !keys.has(key[2]!)) continue;
    const keyColumn = line.text.indexOf(key[2]!);
    const rest = key[3]!;
    if (rest.trim() !== '' && !rest.trimStart().startsWith('#')) {
      const found = scalarRegion(lines, i, line.start + line.text.length - rest.length, keyColumn);
      if (found.region) regions.push(found.region);
      i = found.last;
      continue;
    }
    // A list of commands: `- kubectl ...` items at or below the key's indentation.
    const keyIndent = indentOf(line.text);
    let j = i + 1;
    for (; j < lines.length; j++) {
      const itemLine = lines[j]!;
      if (isBlank(itemLine)) continue;
      const item = ITEM.exec(itemLine.text);
      if (!item || item[1]!.length < keyIndent) break;
      const valueStart = itemLine.start + itemLine.text.length - item[2]!.length;
      const found = scalarRegion(lines, j, valueStart, item[1]!.length);
      if (found.region) regions.push(found.region);
      j = found.last;
    }
    i = j - 1;
  }
  return regions;
}

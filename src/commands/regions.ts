/**
 * Where shell commands are in each kind of file. A region is a range of the original text to
 * lex as shell, so every token keeps its offset in the file.
 */
import { fencedBlocks, splitLines } from './markdown.js';
import { ciRegions } from './ci-regions.js';
import type { CommandLanguage, Region } from './region.js';

/** Blocks whose content is a script: every line is a command. */
const SCRIPT_LANGS = new Set(['bash', 'sh', 'shell', 'zsh', 'ksh']);
/** Blocks that mix commands and their output; only prompted lines and bare `kubectl` lines count. */
const PROMPTED_LANGS = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'bash-session', 'terminal', '', 'text', 'txt', 'plaintext', 'plain']);

const PROMPT = /^[ \t]*(?:[$#][ \t]+)?/;
const PARENTHETICAL = /^\([^()\n]*\)[ \t]+(?=(?:sudo[ \t]+)?kubectl\b)/;
const STARTS_WITH_KUBECTL = /^(?:sudo[ \t]+)?kubectl(?:[ \t]|$)/;

/** Extends a region over lines that end with a backslash continuation. */
function continued(text: string, lineEnd: number, to: number): number {
  let end = lineEnd;
  while (end < to && /(^|[^\\])(\\\\)*\\\r?$/.test(text.slice(text.lastIndexOf('\n', end - 1) + 1, end))) {
    const next = text.indexOf('\n', end + 1);
    end = next < 0 || next > to ? to : next;
  }
  return end;
}

/**
 * Notes and console transcripts: a line whose first text is a `$ ` or `# ` prompt is a command
 * line (anything may follow: pipes, sudo); so is a line starting with `kubectl`, optionally after
 * a parenthesised remark — `(optional) kubectl drain ...`. Other lines are prose or output.
 */
export function promptedRegions(text: string, from = 0, to = text.length): Region[] {
  const regions: Region[] = [];
  const lines = splitLines(text, from, to);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const prompt = PROMPT.exec(line.text)![0];
    const hasPrompt = /[$#]/.test(prompt);
    let rest = line.text.slice(prompt.length);
    let start = line.start + prompt.length;
    const remark = PARENTHETICAL.exec(rest);
    if (remark) {
      rest = rest.slice(remark[0].length);
      start += remark[0].length;
    }
    if (!hasPrompt && !STARTS_WITH_KUBECTL.test(rest)) continue;
    if (rest.trim() === '') continue;
    const end = continued(text, line.end, to);
    regions.push({ start, end });
    while (i + 1 < lines.length && lines[i + 1]!.start <= end) i++;
  }
  return regions;
}

function markdownRegions(text: string): Region[] {
  const regions: Region[] = [];
  for (const block of fencedBlocks(text)) {
    const lines = splitLines(text, block.contentStart, block.contentEnd);
    const prompted = lines.some((line) => /^[ \t]*\$[ \t]/.test(line.text));
    if (SCRIPT_LANGS.has(block.lang) && !prompted) regions.push({ start: block.contentStart, end: block.contentEnd });
    else if (SCRIPT_LANGS.has(block.lang) || PROMPTED_LANGS.has(block.lang)) regions.push(...promptedRegions(text, block.contentStart, block.contentEnd));
  }
  return regions;
}

const RULE_LINE = /^[^\s#=:][^=]*?:(?!=)/;

/** Recipe lines: tab-indented lines after a rule line, without make's `@`, `-`, `+` prefixes. */
function makefileRegions(text: string): Region[] {
  const regions: Region[] = [];
  const lines = splitLines(text);
  let inRecipe = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.startsWith('\t') && inRecipe) {
      const prefix = /^\t[ \t@+-]*/.exec(line.text)![0].length;
      const end = continued(text, line.end, text.length);
      regions.push({ start: line.start + prefix, end });
      while (i + 1 < lines.length && lines[i + 1]!.start <= end) i++;
      continue;
    }
    if (line.text.trim() === '' || line.text.trimStart().startsWith('#')) continue;
    inRecipe = RULE_LINE.test(line.text);
    // A continued variable definition is not a recipe, whatever its indentation.
    const end = continued(text, line.end, text.length);
    while (i + 1 < lines.length && lines[i + 1]!.start <= end) i++;
  }
  return regions;
}

/** `file` matters only for CI YAML, where GitHub and GitLab name their shell keys differently. */
export function commandRegions(text: string, language: CommandLanguage, file = ''): Region[] {
  switch (language) {
    case 'shell':
      return [{ start: 0, end: text.length }];
    case 'markdown':
      return markdownRegions(text);
    case 'text':
      return promptedRegions(text);
    case 'makefile':
      return makefileRegions(text);
    case 'ci-yaml':
      return ciRegions(text, file);
  }
}

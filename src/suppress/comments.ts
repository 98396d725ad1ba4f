import type { SourceFile } from '../types.js';

/** A `#` comment found in a source text. Line and column are 1-based; `column` is the `#`. */
export interface Comment {
  line: number;
  column: number;
  /** The comment without its leading `#` (and `<!--`/`-->` for Markdown). */
  text: string;
  /** Column of the first character of `text`. */
  textColumn: number;
  /** Exclusive end column of the comment. */
  endColumn: number;
  /** The line holds nothing but the comment (and whitespace). */
  ownLine: boolean;
}

/** `key: |`, `- >-`, `key: |2+`: the line opens a block scalar whose content follows, more indented. */
const BLOCK_SCALAR_HEADER = /(?:^|\s)[|>](?:[1-9][+-]?|[+-][1-9]?)?$/;

/** Characters after which a quote opens a quoted scalar rather than being part of a plain one. */
const QUOTE_MAY_OPEN = new Set([' ', '\t', '[', '{', ',', ':', '-', '?']);

interface LineScan {
  /** Index of the `#` that starts a comment, or -1. */
  hash: number;
  /** Quote still open at the end of the line (a multi-line quoted scalar), or ''. */
  openQuote: '' | '"' | "'";
}

/** Scans one line for a comment start, honouring quotes (and one left open by a previous line). */
function scanLine(line: string, openQuote: '' | '"' | "'"): LineScan {
  let quote = openQuote;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = '';
      continue;
    }
    if (quote === "'") {
      if (ch === "'" && line[i + 1] === "'") i++;
      else if (ch === "'") quote = '';
      continue;
    }
    const before = i === 0 ? ' ' : line[i - 1]!;
    if (ch === '#' && (before === ' ' || before === '\t' || i === 0)) return { hash: i, openQuote: '' };
    if ((ch === '"' || ch === "'") && (i === 0 || QUOTE_MAY_OPEN.has(before))) quote = ch;
  }
  return { hash: -1, openQuote: quote };
}

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/**
 * Finds the comments of a YAML (or JSON) text with a conservative line scan: `#` inside quoted
 * scalars (also across lines) and inside block scalars (`|`, `>`) is content, not a comment. When in
 * doubt a line is taken as content, so that text inside a value can never switch checks off.
 */
export function yamlComments(text: string): Comment[] {
  const out: Comment[] = [];
  const lines = text.split('\n');
  let openQuote: '' | '"' | "'" = '';
  /** Indentation of the line that opened a block scalar; its content is indented more. */
  let blockParent = -1;
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (blockParent >= 0) {
      if (line.trim() === '' || indentOf(line) > blockParent) return;
      blockParent = -1;
    }
    const scan = scanLine(line, openQuote);
    openQuote = scan.openQuote;
    const content = scan.hash >= 0 ? line.slice(0, scan.hash) : line;
    if (scan.hash >= 0) {
      out.push({ line: i + 1, column: scan.hash + 1, text: line.slice(scan.hash + 1), textColumn: scan.hash + 2, endColumn: line.length + 1, ownLine: content.trim() === '' });
    }
    if (openQuote === '' && BLOCK_SCALAR_HEADER.test(content.trimEnd())) blockParent = indentOf(line);
  });
  return out;
}

/**
 * Comments of the files that are not YAML: whole-line `#` comments (shell, Makefiles, YAML blocks
 * inside Markdown) and Markdown's `<!-- … -->` on a line of its own.
 */
export function lineComments(text: string): Comment[] {
  const out: Comment[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const start = line.length - line.trimStart().length;
    const rest = line.slice(start).trimEnd();
    if (rest.startsWith('#')) out.push({ line: i + 1, column: start + 1, text: rest.slice(1), textColumn: start + 2, endColumn: line.length + 1, ownLine: true });
    else if (rest.startsWith('<!--') && rest.endsWith('-->')) {
      out.push({ line: i + 1, column: start + 1, text: rest.slice(4, -3), textColumn: start + 5, endColumn: line.length + 1, ownLine: true });
    }
  });
  return out;
}

/** Shell and Makefiles quote like YAML closely enough for `# …` after a command to be found the same way. */
export function commentsOf(file: SourceFile): Comment[] {
  return file.language === 'markdown' || file.language === 'text' ? lineComments(file.text) : yamlComments(file.text);
}

/** 1-based numbers of lines that hold only a comment or nothing, for `disable-next-line`. */
export function skippableLines(text: string, comments: readonly Comment[]): Set<number> {
  const out = new Set(comments.filter((c) => c.ownLine).map((c) => c.line));
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') out.add(i + 1);
  });
  return out;
}

/** Fenced code blocks of a Markdown file (``` and ~~~ fences, CommonMark style). */

export interface FencedBlock {
  /** First word of the info string, lower-cased (`bash`, `yaml`, `` for none). */
  lang: string;
  /** Offsets of the block content: from the line after the opening fence to the closing fence. */
  contentStart: number;
  contentEnd: number;
  /** 1-based line of the first content line. */
  startLine: number;
}

const OPENING = /^[ \t]*(`{3,}|~{3,})[ \t]*([^\s`]*)[^`]*$/;

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  text: string;
}

export function splitLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    lines.push({ start, end, text: text.slice(start, end).replace(/\r$/, '') });
    if (end >= to) break;
    start = end + 1;
  }
  return lines;
}

/** Fences may be indented (inside list items); an unclosed fence runs to the end of the file. */
export function fencedBlocks(text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]!.text);
    if (!open) continue;
    const fence = open[1]!;
    const closing = new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    let j = i + 1;
    while (j < lines.length && !closing.test(lines[j]!.text)) j++;
    const contentStart = i + 1 < lines.length ? lines[i + 1]!.start : text.length;
    const contentEnd = j < lines.length ? lines[j]!.start : text.length;
    blocks.push({ lang: open[2]!.toLowerCase().replace(/^\{\.?|\}$/g, ''), contentStart: Math.min(contentStart, contentEnd), contentEnd, startLine: i + 2 });
    i = j;
  }
  return blocks;
}

/**
 * ```yaml / ```yml blocks, for linting as manifests. `text` is the exact slice of the file, so a
 * position inside it maps back by adding `startOffset` (or `startLine - 1` to its line).
 */
export function extractMarkdownYamlBlocks(text: string): { startLine: number; startOffset: number; text: string }[] {
  return fencedBlocks(text)
    .filter((block) => block.lang === 'yaml' || block.lang === 'yml')
    .map((block) => ({ startLine: block.startLine, startOffset: block.contentStart, text: text.slice(block.contentStart, block.contentEnd) }));
}

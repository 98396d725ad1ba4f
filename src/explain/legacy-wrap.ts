/**
 * The paragraph wrapper of kubectl's legacy (`--output plaintext-openapiv2`) explain layout.
 *
 * Unlike the v3 wrapper it re-flows text: words of consecutive source lines are joined with single
 * spaces, and a new output line starts only for blank lines, lines after one ending in `:`,
 * lines that look like list items, and indented code blocks (kept verbatim). Widths are measured in
 * UTF-8 bytes, as the original measures them.
 */

import { isSpace } from './wrap.js';

// Go's RE2 `\s` is ASCII-only: tab, newline, form feed, carriage return and space.
const LIST_ITEM = /^(\d+\.?|-|\*)[\t\n\f\r ]/;

function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

const isSpaceChar = (char: string): boolean => isSpace(char.codePointAt(0) ?? 0);

/** Go's strings.TrimSpace: the same notion of white space as the wrappers. */
function trimSpace(line: string): string {
  const chars = [...line];
  let start = 0;
  let end = chars.length;
  while (start < end && isSpaceChar(chars[start] ?? '')) start++;
  while (end > start && isSpaceChar(chars[end - 1] ?? '')) end--;
  return chars.slice(start, end).join('');
}

function startsNewLine(lastWord: string, line: string): boolean {
  if (lastWord.endsWith(':')) return true;
  if (line.startsWith('    ')) return true;
  const trimmed = trimSpace(line);
  return trimmed.length === 0 || LIST_ITEM.test(trimmed);
}

/** Splits on white space like Go's strings.Fields (no empty words). */
function fields(line: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const char of line) {
    if (isSpaceChar(char)) {
      if (word) words.push(word);
      word = '';
    } else word += char;
  }
  if (word) words.push(word);
  return words;
}

/** Returns the wrapped lines (without indentation) of `text` for a width of `width` bytes. */
export function legacyWrap(text: string, width: number): string[] {
  const wrapped: string[] = [];
  let words: string[] = [];
  let lastWord = '';
  const flush = (): void => {
    if (words.length > 0) {
      lastWord = '';
      wrapped.push(words.join(' '));
      words = [];
    }
  };

  for (const line of text.split('\n')) {
    if (line.startsWith('    ')) {
      flush();
      wrapped.push(line);
      continue;
    }
    // A blank line is kept only once some line has been emitted: a blank line right after a
    // first paragraph that is still being collected just ends that paragraph.
    if (wrapped.length > 0 && trimSpace(line).length === 0) {
      flush();
      wrapped.push('');
      continue;
    }
    if (startsNewLine(lastWord, line)) flush();
    for (const word of fields(line)) {
      lastWord = word;
      const candidate = words.length === 0 ? word : `${words.join(' ')} ${word}`;
      if (words.length > 0 && byteLength(candidate) > width) flush();
      words.push(word);
    }
  }
  flush();
  return wrapped;
}

/**
 * Text layout helpers that reproduce kubectl's explain output exactly.
 *
 * `wordWrap` follows the greedy word wrapper kubectl's OpenAPI v3 templates use: it counts
 * characters (code points), breaks only at white space, keeps existing line breaks, never splits a
 * word (a word longer than the limit overflows the line), and drops the white space at a break.
 * Runs of spaces inside a line survive, which is why kubectl keeps `'kubernetes.io/ws'  - WebSocket`
 * with two spaces.
 */

/** U+00A0 is white space to Unicode but glues words together, so it never breaks a line. */
const NO_BREAK_SPACE = 0xa0;

/** Go's unicode.IsSpace: the Latin-1 spaces plus the Unicode White_Space property. */
export function isSpace(codePoint: number): boolean {
  if (codePoint <= 0xff) {
    return (
      codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d) || codePoint === 0x85 || codePoint === NO_BREAK_SPACE
    );
  }
  return (
    codePoint === 0x1680 ||
    (codePoint >= 0x2000 && codePoint <= 0x200a) ||
    codePoint === 0x2028 ||
    codePoint === 0x2029 ||
    codePoint === 0x202f ||
    codePoint === 0x205f ||
    codePoint === 0x3000
  );
}

/** Wraps `text` so that lines stay within `limit` characters where white space allows. */
export function wordWrap(text: string, limit: number): string {
  let out = '';
  let current = 0; // characters already on the output line
  let word = '';
  let wordLength = 0;
  let space = '';
  let spaceLength = 0;

  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (char === '\n') {
      if (wordLength === 0) {
        // Trailing spaces are kept unless they would overflow the line.
        if (current + spaceLength <= limit) out += space;
      } else {
        out += space + word;
      }
      out += '\n';
      current = 0;
      word = '';
      wordLength = 0;
      space = '';
      spaceLength = 0;
    } else if (isSpace(codePoint) && codePoint !== NO_BREAK_SPACE) {
      // A space after a word commits the pending space and word; consecutive spaces accumulate.
      if (spaceLength === 0 || wordLength > 0) {
        current += spaceLength + wordLength;
        out += space + word;
        space = '';
        spaceLength = 0;
        word = '';
        wordLength = 0;
      }
      space += char;
      spaceLength++;
    } else {
      word += char;
      wordLength++;
      // Break before the word once it no longer fits, unless the word alone is too long for any line.
      if (current + spaceLength + wordLength > limit && wordLength < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLength = 0;
      }
    }
  }

  if (wordLength === 0) {
    if (current + spaceLength <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** Prefixes the text and every line after a line break with `amount` spaces (empty lines included). */
export function indentLines(text: string, amount: number): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join('\n' + pad);
}

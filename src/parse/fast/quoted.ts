import { bail, NL, trimEnd } from './chars.js';
import { BAIL, decodeDouble } from './scalars.js';

/** What the last quoted scalar read holds, in one reused object. */
export const quotedOut = { str: '', multiline: false };

/**
 * A quoted scalar at q: its text in `quotedOut.str`, the offset after it returned. It may continue on lines
 * indented more than `indent` (folded like the full parser folds them); -1 allows one line only.
 */
export function readQuoted(t: string, q: number, indent: number): number {
  const quote = t.charCodeAt(q);
  let i = q + 1;
  let lines = false;
  for (;;) {
    const c = t.charCodeAt(i);
    if (i >= t.length) bail();
    if (c === NL) {
      if (indent < 0) bail();
      lines = true;
      i++;
    } else if (quote === 34 && c === 92) i += 2;
    else if (c === quote) {
      if (quote === 39 && t.charCodeAt(i + 1) === 39) i += 2;
      else break;
    } else i++;
  }
  quotedOut.multiline = lines;
  let body = t.slice(q + 1, i);
  if (lines) body = fold(body, indent);
  if (quote === 39) quotedOut.str = body.indexOf("''") >= 0 ? body.replace(/''/g, "'") : body;
  else {
    const decoded = decodeDouble(body);
    if (decoded === BAIL) bail();
    quotedOut.str = decoded;
  }
  return i + 1;
}

/** Folds the lines of a quoted scalar: one break is a space, each blank line a newline. */
function fold(body: string, indent: number): string {
  const lines = body.split('\n');
  let out = trimEnd(lines[0]!);
  if (out.endsWith('\\')) bail();
  let blanks = 0;
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const last = i === lines.length - 1;
    const line = last ? raw.trimStart() : raw.trim();
    if ((line !== '' || last) && raw.length - raw.trimStart().length <= indent) bail();
    if (!last && line.endsWith('\\')) bail();
    if (line === '' && !last) {
      blanks++;
      continue;
    }
    out += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + line;
    blanks = 0;
  }
  return out;
}

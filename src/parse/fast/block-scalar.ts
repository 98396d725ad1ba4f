import { bail, eol, NL, SP } from './chars.js';

/** What the last block scalar read holds: its value and the end of its range. */
export const blockOut = { value: '', end: 0 };

/**
 * `|` and `>` at p, with optional chomping and indentation indicators, for a value of a
 * collection indented `indent`. Content lines, chomping and folding as the full parser reads them.
 */
export function readBlockScalar(t: string, p: number, indent: number, inMap: boolean): void {
  const folded = t.charCodeAt(p) === 62;
  let h = p + 1;
  let chomp = 0;
  let explicit = 0;
  // Chomping and an indentation indicator, in either order (`|2-`, `>-2`).
  for (let k = 0; k < 2; k++) {
    const c = t.charCodeAt(h);
    if (chomp === 0 && (c === 45 || c === 43)) chomp = c === 45 ? -1 : 1;
    else if (explicit === 0 && c >= 49 && c <= 57) explicit = c - 48;
    else break;
    h++;
  }
  let q = h;
  while (t.charCodeAt(q) === SP) q++;
  if (q >= t.length) bail();
  if (t.charCodeAt(q) !== NL) {
    if (t.charCodeAt(q) !== 35 || q === h) bail();
    q = eol(t, q);
    if (q >= t.length) bail();
  }
  let r = q + 1;
  // With an indicator, the content is indented that much more than the collection.
  let contentIndent = explicit > 0 ? indent + explicit : -1;
  // The full parser finds the end of an item's block scalar with an indicator from another base.
  if (explicit > 0 && !inMap) bail();
  const pieces: string[] = [];
  let sawText = false;
  let empties = 0;
  let contentEnd = -1;
  while (r < t.length) {
    let s = r;
    while (t.charCodeAt(s) === SP) s++;
    const ind = s - r;
    if (s >= t.length || t.charCodeAt(s) === NL) {
      // A line of spaces only: empty unless it has more than the content's indentation.
      if (contentIndent < 0 || ind <= contentIndent || s >= t.length) {
        if (ind > 0 && (contentIndent < 0 || s >= t.length)) bail();
        if (s >= t.length) break;
        empties++;
        r = s + 1;
        continue;
      }
      if (folded || explicit > 0) bail();
    } else {
      if (contentIndent < 0) {
        if (ind <= indent || (folded && empties > 0)) bail();
        contentIndent = ind;
      }
      if (ind < contentIndent) break;
      sawText = true;
    }
    if (folded && ind > contentIndent) bail();
    let le = t.indexOf('\n', s);
    if (le < 0) le = t.length;
    for (; empties > 0; empties--) pieces.push('');
    pieces.push(t.slice(r + contentIndent, le));
    contentEnd = r = le < t.length ? le + 1 : t.length;
  }
  if (!sawText || contentIndent < 0 || pieces.length === 0 || (folded && pieces[0] === '')) bail();
  let body: string;
  if (folded) {
    body = pieces[0]!;
    let blank = 0;
    for (let i = 1; i < pieces.length; i++) {
      if (pieces[i] === '') blank++;
      else {
        body += (blank === 0 ? ' ' : '\n'.repeat(blank)) + pieces[i];
        blank = 0;
      }
    }
  } else body = pieces.join('\n');
  if (chomp >= 0) body += '\n';
  if (chomp > 0) body += '\n'.repeat(empties);
  const end = chomp > 0 ? r : contentEnd;
  blockOut.value = body;
  blockOut.end = end;
}

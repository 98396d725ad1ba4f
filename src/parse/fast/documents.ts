import { bail, isBail, NL, SP } from './chars.js';
import { Scanner, type FastDocument } from './scanner.js';

/**
 * Reads every document of a YAML stream on the fast path, or returns undefined when any part of
 * the text is outside what it reads (the caller then uses the full parser for the whole file).
 */
export function scanDocuments(text: string): FastDocument[] | undefined {
  if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\uFEFF') >= 0) return undefined;
  const s = new Scanner(text);
  try {
    return read(s, text);
  } catch (error) {
    if (isBail(error)) return undefined;
    throw error;
  }
}

function read(s: Scanner, text: string): FastDocument[] {
  const docs: FastDocument[] = [];
  const len = text.length;
  s.scanTrivia();
  if (s.pos >= len) return docs;
  for (;;) {
    let contentStart = s.pos;
    if (s.atDocEnd) {
      // A `---` line: nothing may follow the marker but a comment.
      const m = s.pos;
      let q = m + 3;
      while (text.charCodeAt(q) === SP) q++;
      if (q < len && text.charCodeAt(q) !== NL) {
        if (text.charCodeAt(q) !== 35 || q === m + 3) bail();
        q = text.indexOf('\n', q);
        if (q < 0) q = len;
      }
      s.pos = s.lineStart = q < len ? q + 1 : len;
      contentStart = m + 3;
      s.scanTrivia();
    }
    if (s.atDocEnd) {
      s.table.take();
      docs.push({ value: undefined, table: { data: new Int32Array(0), keys: [], root: -1, contentStart } });
    } else {
      s.depth = 0;
      s.block(s.nextIndent);
      if (!s.atDocEnd) bail();
      docs.push({ value: s.value, table: { ...s.table.take(), root: s.rec, contentStart } });
    }
    if (s.pos >= len) return docs;
  }
}

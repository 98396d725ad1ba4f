/**
 * Source rewrites for forms that CEL allows and the CEL package does not parse.
 *
 * `has(e[i].f)`: the package's `has()` takes only a chain of field selections on a name. The
 * rewrite `[e[i]].all(__has, has(__has.f))` evaluates `e[i]` the same way (its errors
 * included) and tests the same field. Gateway API rules use this form (`has(self.matches[0].path)`).
 */

/** Index just past the string literal starting at `i` (quotes, raw and triple-quoted strings). */
function skipString(text: string, i: number): number {
  let start = i;
  let raw = false;
  if (text[start] === 'r' || text[start] === 'R') {
    raw = true;
    start++;
  }
  const quote = text[start]!;
  const triple = text.startsWith(quote.repeat(3), start);
  const close = triple ? quote.repeat(3) : quote;
  let j = start + close.length;
  while (j < text.length) {
    if (!raw && text[j] === '\\') {
      j += 2;
      continue;
    }
    if (text.startsWith(close, j)) return j + close.length;
    j++;
  }
  return text.length;
}

function isStringStart(text: string, i: number): boolean {
  const c = text[i];
  if (c === '"' || c === "'") return true;
  return (c === 'r' || c === 'R') && (text[i + 1] === '"' || text[i + 1] === "'") && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '');
}

/** Index of the `)` closing the `(` at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; ) {
    if (isStringStart(text, i)) {
      i = skipString(text, i);
      continue;
    }
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
    i++;
  }
  return -1;
}

/** Position of the last `.` outside brackets and strings, or -1. */
function lastTopLevelDot(text: string): number {
  let depth = 0;
  let last = -1;
  for (let i = 0; i < text.length; ) {
    if (isStringStart(text, i)) {
      i = skipString(text, i);
      continue;
    }
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === '.' && depth === 0) last = i;
    i++;
  }
  return last;
}

export function rewriteHasOnIndex(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    if (isStringStart(source, i)) {
      const end = skipString(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (source.startsWith('has(', i) && !/[A-Za-z0-9_.]/.test(source[i - 1] ?? '')) {
      const close = closing(source, i + 3);
      if (close > 0) {
        const inner = source.slice(i + 4, close).trim();
        const dot = lastTopLevelDot(inner);
        const field = inner.slice(dot + 1).trim();
        const target = inner.slice(0, dot);
        if (dot > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(field) && target.includes('[')) {
          out += `[${rewriteHasOnIndex(target)}].all(__has, has(__has.${field}))`;
          i = close + 1;
          continue;
        }
      }
    }
    out += source[i];
    i++;
  }
  return out;
}

/**
 * Blank and comment lines between two values. The full parser hands them to the innermost open
 * collection, and where they land decides where a collection ends (its range is used for spans of
 * whole mappings and sequences), so the fast path replays the same decisions on a small token list.
 */
export const NEWLINE = 0;
export const SPACE = 1;
export const COMMENT = 2;

/**
 * Tokens as quads `[type, start, end, indent]` in one reusable typed array: it is cleared at every
 * line of content, and a cleared plain array would give up its storage each time.
 */
export class Trivia {
  tokens = new Int32Array(64);
  /** Numbers in use in `tokens` (four a token). */
  length = 0;

  clear(): void {
    this.length = 0;
  }

  push(type: number, start: number, end: number, indent: number): void {
    let t = this.tokens;
    const at = this.length;
    if (at + 4 > t.length) {
      const grown = new Int32Array(t.length * 2);
      grown.set(t);
      this.tokens = t = grown;
    }
    t[at] = type;
    t[at + 1] = start;
    t[at + 2] = end;
    t[at + 3] = indent;
    this.length = at + 4;
  }

  get count(): number {
    return this.length >> 2;
  }
}

/** How the last value of a collection takes the tokens that follow it. */
export const HAS_END = 0; // plain and quoted scalars, flow collections: more-indented comments join them
export const NO_END = 1; // block scalars and block collections
export const EMPTY = 2; // an empty value: everything up to the next content is its own

export interface Settled {
  /** range[2] of the last value, possibly extended. */
  valueEnd: number;
  /** Index of the first token of the trailing comment item, or -1. */
  trailing: number;
}

/**
 * Replays the parser's handling of `trivia` (from token `from`) by the innermost collection with
 * indentation `indent`, whose last value ends at `valueEnd` and is of kind `kind`.
 */
export function settle(trivia: Trivia, from: number, kind: number, indent: number, valueEnd: number): Settled {
  const t = trivia.tokens;
  const n = trivia.length;
  // An empty value has already taken every token (see the scanner).
  if (kind === EMPTY) return { valueEnd, trailing: -1 };
  let end = valueEnd;
  let endIsComment = false;
  let trailing = -1;
  let startAllBlank = true;
  for (let i = from * 4; i < n; i += 4) {
    const type = t[i]!;
    if (type === NEWLINE) {
      if (trailing < 0) {
        if (kind === HAS_END && endIsComment) {
          end = t[i + 2]!;
          endIsComment = false;
        } else {
          trailing = i >> 2;
          startAllBlank = true;
        }
      }
      continue;
    }
    if (trailing < 0) {
      trailing = i >> 2;
      startAllBlank = type !== COMMENT;
      continue;
    }
    if (type === COMMENT && kind === HAS_END && t[i + 3]! > indent && startAllBlank) {
      end = t[i + 2]!;
      endIsComment = true;
      trailing = -1;
      continue;
    }
    if (type === COMMENT) startAllBlank = false;
  }
  return { valueEnd: end, trailing };
}

/**
 * Whether a collection keeps its trailing comment item when it ends: the parser moves the item to
 * the parent unless the collection is indented and one of the comments is at least as indented.
 */
export function keepsTrailing(trivia: Trivia, trailing: number, indent: number): boolean {
  if (trailing < 0 || indent === 0) return false;
  const t = trivia.tokens;
  for (let i = trailing * 4; i < trivia.length; i += 4) if (t[i] === COMMENT && t[i + 3]! >= indent) return true;
  return false;
}

/** End of the last token (the end of a kept trailing item). */
export function lastEnd(trivia: Trivia): number {
  return trivia.tokens[trivia.length - 2]!;
}

/** Whether a comment is among the tokens from index `from`. */
export function hasComment(trivia: Trivia, from: number): boolean {
  const t = trivia.tokens;
  for (let i = from * 4; i < trivia.length; i += 4) if (t[i] === COMMENT) return true;
  return false;
}

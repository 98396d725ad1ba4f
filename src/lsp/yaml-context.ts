/**
 * Where the cursor is in a YAML manifest, read from indentation alone: an editor's text is often
 * half-typed (`  po` under `spec:`) and no parser gives a path for it, while block-style
 * manifests say their structure in their indentation. Handles block mappings and sequences
 * (also a sequence at its parent key's indentation), quoted keys, comments, `---` separators, block
 * scalars and values continued on more indented lines. Flow collections and anchors spanning
 * lines are read as values.
 */

export type Segment = string | number;

/** One line of a block-style document, as far as the structure is concerned. */
interface LineShape {
  indent: number;
  /** Columns of the `- ` markers that open the line. */
  dashes: number[];
  key?: { text: string; start: number; end: number };
  /** Column where the value after `key:` (or after the dashes) starts; the line's length if none. */
  valueStart: number;
  /** The value text, without a trailing comment. */
  value: string;
}

interface Entry {
  kind: 'key' | 'item';
  /** Column of the key, or of the `-` of an item. */
  indent: number;
  segment: Segment;
  /** The line holds a value after it: more indented lines that follow continue that value. */
  inline: boolean;
}

export interface KeyAt {
  path: Segment[];
  line: number;
  start: number;
  end: number;
  value: string;
}

export type CursorPlace =
  | { type: 'key'; path: Segment[]; start: number; end: number }
  | { type: 'value'; path: Segment[]; prefixStart: number; prefix: string; afterColon: boolean }
  | { type: 'new-key'; parent: Segment[]; prefixStart: number; prefix: string; siblings: string[] };

export interface CursorContext {
  place: CursorPlace;
  /** The document's top-level `apiVersion` and `kind`, when it has them. */
  apiVersion?: string;
  kind?: string;
}

const SEPARATOR = /^(---|\.\.\.)(\s|$)/;
const BLOCK_HEADER = /^[|>][0-9+-]*\s*(#.*)?$/;
const PLAIN_KEY = /^([^\s#'"[\]{},&*!|>%@`-]|-(?=\S))[^#]*?(?=\s*:(\s|$))/;

/** A key at `at`: `name:`, `"quoted key":`, `'quoted':`; undefined when the text there is no key. */
function keyAt(line: string, at: number): { text: string; start: number; end: number; colon: number } | undefined {
  const rest = line.slice(at);
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const close = rest.indexOf(quote, 1);
    if (close < 0) return undefined;
    const after = rest.slice(close + 1).match(/^\s*:(\s|$)/);
    if (!after) return undefined;
    return { text: rest.slice(1, close), start: at, end: at + close + 1, colon: at + close + 1 + after[0].indexOf(':') };
  }
  const m = PLAIN_KEY.exec(rest);
  if (!m) return undefined;
  const text = m[0].trimEnd();
  return { text, start: at, end: at + text.length, colon: at + rest.indexOf(':', m[0].length) };
}

function stripComment(value: string): string {
  if (value.startsWith('#')) return '';
  const hash = value.search(/\s#/);
  return (hash >= 0 ? value.slice(0, hash) : value).trimEnd();
}

function shapeOf(line: string): LineShape | undefined {
  const indent = line.length - line.trimStart().length;
  if (indent === line.length || line[indent] === '#') return undefined;
  const dashes: number[] = [];
  let at = indent;
  while (line[at] === '-' && (at + 1 === line.length || line[at + 1] === ' ' || line[at + 1] === '\t')) {
    dashes.push(at);
    at++;
    while (line[at] === ' ' || line[at] === '\t') at++;
  }
  const key = at < line.length ? keyAt(line, at) : undefined;
  let valueStart = key ? key.colon + 1 : at;
  while (line[valueStart] === ' ' || line[valueStart] === '\t') valueStart++;
  return {
    indent,
    dashes,
    ...(key ? { key: { text: key.text, start: key.start, end: key.end } } : {}),
    valueStart,
    value: stripComment(line.slice(valueStart)),
  };
}

/** Anchors and tags alone (`key: &base`) announce the value on the next lines. */
const announces = (value: string) => value === '' || /^([&!]\S*\s*)+$/.test(value);

/** Follows the indentation of a document's lines and keeps the path of the current line. */
class Walker {
  readonly stack: Entry[] = [];
  /** Indentation that the content of an open block scalar exceeds, or -1. */
  private blockOwner = -1;

  path(): Segment[] {
    return this.stack.map((e) => e.segment);
  }

  /** True for a line that belongs to the value of the line before it (block scalar, continued scalar). */
  continues(line: string): boolean {
    const indent = line.length - line.trimStart().length;
    if (this.blockOwner >= 0) {
      if (line.trim() === '' || indent > this.blockOwner) return true;
      this.blockOwner = -1;
    }
    const top = this.stack[this.stack.length - 1];
    return top !== undefined && top.inline && line.trim() !== '' && indent > top.indent;
  }

  /** Opens the items of the line's dashes. */
  dashes(shape: LineShape): void {
    for (const column of shape.dashes) {
      this.popWhile((e) => e.indent > column);
      const top = this.stack[this.stack.length - 1];
      let index = 0;
      if (top?.kind === 'item' && top.indent === column) {
        index = (top.segment as number) + 1;
        this.stack.pop();
      }
      this.stack.push({ kind: 'item', indent: column, segment: index, inline: false });
    }
  }

  /** Closes what a key (or a new key typed) at `column` ends. */
  closeFor(column: number): void {
    this.popWhile((e) => e.indent >= column);
  }

  /** Reads one whole line. Returns the key it opened, if any. */
  read(shape: LineShape): Entry | undefined {
    this.dashes(shape);
    let opened: Entry | undefined;
    if (shape.key) {
      this.closeFor(shape.key.start);
      opened = { kind: 'key', indent: shape.key.start, segment: shape.key.text, inline: !announces(shape.value) };
      this.stack.push(opened);
    } else {
      const top = this.stack[this.stack.length - 1];
      if (top && shape.dashes.length > 0 && shape.value !== '') top.inline = true;
    }
    if (BLOCK_HEADER.test(shape.value)) {
      const owner = opened ?? this.stack[this.stack.length - 1];
      this.blockOwner = owner ? owner.indent : shape.indent;
    }
    return opened;
  }

  private popWhile(test: (e: Entry) => boolean): void {
    while (this.stack.length > 0 && test(this.stack[this.stack.length - 1]!)) this.stack.pop();
  }
}

/** First and last line (0-based, inclusive) of the YAML document holding `line`. */
function documentLines(lines: readonly string[], line: number): [number, number] {
  let first = line;
  while (first > 0 && !SEPARATOR.test(lines[first - 1]!)) first--;
  let last = line;
  while (last + 1 < lines.length && !SEPARATOR.test(lines[last + 1]!)) last++;
  return [first, last];
}

function unquote(value: string): string {
  const q = value[0];
  return (q === '"' || q === "'") && value.endsWith(q) && value.length >= 2 ? value.slice(1, -1) : value;
}

/** Every key of the document's lines `first..last`, with its path. */
export function keysOf(lines: readonly string[], first: number, last: number): KeyAt[] {
  const walker = new Walker();
  const out: KeyAt[] = [];
  for (let i = first; i <= last; i++) {
    const line = lines[i]!;
    if (walker.continues(line)) continue;
    const shape = shapeOf(line);
    if (!shape) continue;
    if (walker.read(shape) && shape.key) out.push({ path: walker.path(), line: i, start: shape.key.start, end: shape.key.end, value: unquote(shape.value) });
  }
  return out;
}

function samePath(a: readonly Segment[], b: readonly Segment[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** What is at 0-based `line`:`character` of a YAML text; undefined inside a block scalar or a comment. */
export function cursorContext(text: string, line: number, character: number): CursorContext | undefined {
  const lines = text.split(/\r?\n/);
  if (line < 0 || line >= lines.length) return undefined;
  const here = lines[line]!;
  if (SEPARATOR.test(here)) return undefined;
  const [first, last] = documentLines(lines, line);
  const walker = new Walker();
  for (let i = first; i < line; i++) {
    if (walker.continues(lines[i]!)) continue;
    const shape = shapeOf(lines[i]!);
    if (shape) walker.read(shape);
  }
  const keys = keysOf(lines, first, last);
  const valueOf = (path: readonly Segment[]) => keys.find((k) => samePath(k.path, path))?.value;
  /** The object the place is in: the document, or an item of a `kind: List` (`items[3]`). */
  const withDocument = (place: CursorPlace): CursorContext => {
    const path = place.type === 'new-key' ? place.parent : place.path;
    const listKind = valueOf(['kind']);
    const inItem = listKind !== undefined && listKind.endsWith('List') && path[0] === 'items' && typeof path[1] === 'number' && (place.type === 'new-key' || path.length > 2);
    const base = inItem ? path.slice(0, 2) : [];
    const apiVersion = valueOf([...base, 'apiVersion']);
    const kind = valueOf([...base, 'kind']);
    const relative = inItem ? (place.type === 'new-key' ? { ...place, parent: place.parent.slice(2) } : { ...place, path: place.path.slice(2) }) : place;
    return { place: relative, ...(apiVersion ? { apiVersion } : {}), ...(kind ? { kind } : {}) };
  };

  const before = here.slice(0, character);
  // On a blank line the cursor's column says where the next key would go.
  if (walker.continues(here.trim() === '' ? ' '.repeat(character) + 'x' : here)) return undefined;
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""'))) return undefined;
  const shape = shapeOf(here) ?? { indent: character, dashes: [], valueStart: character, value: '' };
  if (shape.key && character >= shape.key.start) {
    walker.read(shape);
    if (character <= shape.key.end) return withDocument({ type: 'key', path: walker.path(), start: shape.key.start, end: shape.key.end });
    if (character < shape.valueStart) return undefined;
    const afterColon = here[shape.valueStart - 1] === ':';
    return withDocument({ type: 'value', path: walker.path(), prefixStart: shape.valueStart, prefix: here.slice(shape.valueStart, character), afterColon });
  }
  // A key being typed: the word before the cursor, after any `- ` markers.
  walker.dashes({ ...shape, dashes: shape.dashes.filter((d) => d < character) });
  const word = /[^\s-][^\s:]*$/.exec(before);
  const prefixStart = word ? character - word[0].length : character;
  if (here.slice(0, prefixStart).trim().replace(/-/g, '').trim() !== '') return undefined;
  walker.closeFor(prefixStart);
  const parent = walker.path();
  const siblings = keys
    .filter((k) => k.line !== line && k.path.length === parent.length + 1 && samePath(k.path.slice(0, -1), parent))
    .map((k) => String(k.path[parent.length]));
  return withDocument({ type: 'new-key', parent, prefixStart, prefix: word ? word[0] : '', siblings });
}

/** The field path of a document path: list indices left out (`spec.ports.nodePort`). */
export function fieldPathOf(path: readonly Segment[]): string[] {
  return path.filter((s): s is string => typeof s === 'string');
}

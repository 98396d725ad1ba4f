/**
 * Text edits on a YAML source that keep everything else byte for byte: comments, quoting, key
 * order and the indentation of untouched lines. Checks describe a fix by paths; this turns the
 * paths into offsets with the document's locator, and refuses (returns undefined) whenever the
 * source is not in the plain shape the edit assumes, so a fix is never a guess.
 */
import type { Locator, Path, ScalarFix, Target, TextEdit } from '../types.js';

/** Offsets of the first character of every line of a text. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The line break a text uses: CRLF when its first line break is one. */
export function newlineOf(text: string): string {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

const QUOTES = new Set(['"', "'"]);

export class YamlEditor {
  private starts: number[] | undefined;

  constructor(
    readonly text: string,
    private readonly locator: Locator,
    /** Prefix of every path given (a List item's path in its document). */
    private readonly basePath: Path = [],
    /** The text's line starts, shared by the editors of one file so that they are computed once. */
    private readonly sharedStarts?: () => number[],
    /** The source is JSON: scalars may be replaced, but no YAML may be written into it. */
    readonly json = false,
  ) {}

  get newline(): string {
    return newlineOf(this.text);
  }

  private lineStarts(): number[] {
    return (this.starts ??= this.sharedStarts ? this.sharedStarts() : lineStartsOf(this.text));
  }

  offsetOf(line: number, column: number): number {
    return (this.lineStarts()[line - 1] ?? this.text.length) + column - 1;
  }

  private abs(path: Path): Path {
    return this.basePath.length === 0 ? path : [...this.basePath, ...path];
  }

  has(path: Path): boolean {
    return this.locator.has(this.abs(path));
  }

  /** Offsets of the key or value at `path`, when the path exists in the source. */
  range(path: Path, on: Target): [number, number] | undefined {
    const abs = this.abs(path);
    if (!this.locator.has(abs)) return undefined;
    const span = this.locator.locate(abs, on);
    return [this.offsetOf(span.line, span.column), this.offsetOf(span.endLine, span.endColumn)];
  }

  /** The start of the line that holds `offset`, and that line's indentation in spaces (undefined for tabs). */
  lineOf(offset: number): { start: number; indent: number | undefined } {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo]!;
    const lead = /^[ \t]*/.exec(this.text.slice(start, offset))![0];
    return { start, indent: lead.includes('\t') ? undefined : lead.length };
  }

  /** True when only spaces come before `offset` on its line: the key opens its line of a block mapping. */
  opensLine(offset: number): boolean {
    const { start } = this.lineOf(offset);
    return /^ *$/.test(this.text.slice(start, offset));
  }

  /**
   * Replaces the scalar at `path` (key or value) with `text`, inside its quotes if it has them.
   * Only when the scalar as written (without quotes) is exactly `expected` and holds no escape.
   */
  replaceScalar(path: Path, on: Target, expected: string, text: string): TextEdit | undefined {
    const r = this.range(path, on);
    if (!r) return undefined;
    const raw = this.text.slice(r[0], r[1]);
    const q = raw[0];
    if (q !== undefined && QUOTES.has(q) && raw.length >= 2 && raw[raw.length - 1] === q) {
      if (raw.slice(1, -1) !== expected) return undefined;
      return { start: r[0] + 1, end: r[1] - 1, text };
    }
    if (raw !== expected) return undefined;
    return { start: r[0], end: r[1], text };
  }

  /** A ScalarFix (as the schema stage gives them) as an edit, or undefined when it does not apply. */
  scalarFix(fix: ScalarFix): TextEdit | undefined {
    return this.replaceScalar(fix.path, fix.on, fix.expected, fix.text);
  }

  /**
   * The indentation step of the block mapping at `path` relative to its key: how much deeper its
   * keys are than the key that holds it (2 when it cannot be read).
   */
  indentStep(path: Path): number {
    const key = this.range(path, 'key');
    const value = this.range(path, 'value');
    if (!key || !value) return 2;
    const outer = this.lineOf(key[0]);
    const inner = this.lineOf(value[0]);
    if (outer.indent === undefined || inner.indent === undefined || inner.start === outer.start) return 2;
    // The key's own column: `- backend:` puts the key two columns after its line's indentation.
    const step = inner.indent - (key[0] - outer.start);
    return step > 0 ? step : 2;
  }

  /**
   * Inserts lines just before the line of the key at `path`, indented as that key, so they become
   * its siblings. Each line is given relative to the key's indentation. Undefined when the key does
   * not open its line (flow style, `- key:` items) or the line is indented with tabs.
   */
  insertBeforeKey(path: Path, lines: readonly string[]): TextEdit | undefined {
    if (this.json) return undefined;
    const key = this.range(path, 'key');
    if (!key || !this.opensLine(key[0])) return undefined;
    const { start, indent } = this.lineOf(key[0]);
    if (indent === undefined) return undefined;
    const pad = ' '.repeat(indent);
    const text = lines.map((l) => (l === '' ? '' : pad + l) + this.newline).join('');
    return { start, end: start, text };
  }

  /**
   * The whole lines of the key at `path` with its scalar value (`serviceName: web # comment`):
   * the range to delete, and the comment that ends it, when the pair is alone on its line.
   */
  pairLine(path: Path): { start: number; end: number; comment: string } | undefined {
    if (this.json) return undefined;
    const key = this.range(path, 'key');
    const value = this.range(path, 'value');
    if (!key || !value || !this.opensLine(key[0])) return undefined;
    const { start } = this.lineOf(key[0]);
    const eol = this.text.indexOf('\n', value[1]);
    const end = eol < 0 ? this.text.length : eol + 1;
    const rest = this.text.slice(value[1], eol < 0 ? end : eol).replace(/\r$/, '');
    if (this.text.slice(key[1], value[0]).includes('\n')) return undefined;
    const comment = /^\s*(#.*)?$/.exec(rest);
    if (!comment) return undefined;
    return { start, end, comment: comment[1] ?? '' };
  }

  /** The source text of the value at `path`, when it sits on one line. */
  valueText(path: Path): string | undefined {
    const r = this.range(path, 'value');
    if (!r) return undefined;
    const raw = this.text.slice(r[0], r[1]);
    return raw.includes('\n') ? undefined : raw;
  }
}

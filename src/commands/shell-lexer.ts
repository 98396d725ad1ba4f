/**
 * A small POSIX-shell lexer that keeps exact source offsets.
 *
 * It is not a full shell parser: it splits text into words and operators well enough to find
 * `kubectl` invocations and point at their flags. Quotes, escapes, line continuations,
 * comments, `$(...)`, backticks, `${...}` and here-documents are handled; the bodies of
 * here-documents are skipped because they are data, not commands.
 */

export interface Word {
  kind: 'word';
  /** Source offsets of the whole word, quotes included (end exclusive). */
  start: number;
  end: number;
  /** The word after quote removal; expansions are kept as their raw text. */
  value: string;
  /** The word exactly as written in the source. */
  raw: string;
  /** Source offset of each character of `value`. */
  offsets: number[];
  /** Index in `value` where the first expansion (`$x`, `$(...)`, backquote) starts, or -1. */
  dynamicAt: number;
}

export interface Operator {
  kind: 'op';
  /** `\n` for a command-separating newline, otherwise the operator text (`|`, `&&`, `>`, `<<` ...). */
  op: string;
  start: number;
  end: number;
}

export type Token = Word | Operator;

export interface LexOptions {
  /** YAML folded scalars: a single newline is a space, only an empty line separates commands. */
  foldNewlines?: boolean;
}

export interface LexResult {
  tokens: Token[];
  /** Token streams of command substitutions found anywhere in the text, each its own command list. */
  substitutions: Token[][];
}

const OPERATORS = ['&&', '||', ';;', '|&', '&>>', '&>', '>>', '>&', '<&', '>|', '<<<', '<<-', '<<', '|', '&', ';', '(', ')', '<', '>'];
export const REDIRECTIONS = new Set(['&>>', '&>', '>>', '>&', '<&', '>|', '<<<', '<<-', '<<', '<', '>']);
const WORD_BREAK = new Set([' ', '\t', '\r', '\n', '|', '&', ';', '(', ')', '<', '>']);
/** `<node-name>`, `<NOMBRE_DEL_POD>`: documentation placeholders, read as plain words, not redirections. */
const PLACEHOLDER = /<[A-Za-z0-9_][A-Za-z0-9_.:\-/]*>/y;

interface PendingHeredoc {
  delimiter: string;
  stripTabs: boolean;
}

class Lexer {
  pos: number;
  readonly tokens: Token[] = [];
  private pending: PendingHeredoc[] = [];

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly options: LexOptions,
    private readonly substitutions: Token[][],
  ) {
    this.pos = start;
  }

  /** Lexes until `end`, or until an unbalanced `)` when `closer` is set; returns the offset after it. */
  run(closer: boolean): number {
    let depth = 0;
    const { text } = this;
    while (this.pos < this.end) {
      const c = text[this.pos]!;
      if (c === ' ' || c === '\t' || c === '\r') {
        this.pos++;
      } else if (c === '\n') {
        this.newline();
      } else if (c === '\\' && this.isContinuation(this.pos)) {
        this.pos = this.afterContinuation(this.pos);
      } else if (c === '#') {
        while (this.pos < this.end && text[this.pos] !== '\n') this.pos++;
      } else if (c === ')' && closer && depth === 0) {
        return this.pos + 1;
      } else {
        const op = this.operatorAt(this.pos);
        if (op === undefined) {
          this.tokens.push(this.readWord());
          continue;
        }
        if (op === '(') depth++;
        if (op === ')') depth = Math.max(0, depth - 1);
        this.tokens.push({ kind: 'op', op, start: this.pos, end: this.pos + op.length });
        this.pos += op.length;
        if (op === '<<' || op === '<<-') this.readHeredocDelimiter(op === '<<-');
      }
    }
    return this.pos;
  }

  private newline(): void {
    const at = this.pos;
    this.pos++;
    if (this.options.foldNewlines && !this.nextLineIsBlank()) return;
    this.tokens.push({ kind: 'op', op: '\n', start: at, end: at + 1 });
    this.skipHeredocBodies();
  }

  private nextLineIsBlank(): boolean {
    let i = this.pos;
    while (i < this.end && (this.text[i] === ' ' || this.text[i] === '\t' || this.text[i] === '\r')) i++;
    return i >= this.end || this.text[i] === '\n';
  }

  private skipHeredocBodies(): void {
    for (const heredoc of this.pending) {
      while (this.pos < this.end) {
        let lineEnd = this.text.indexOf('\n', this.pos);
        if (lineEnd < 0 || lineEnd > this.end) lineEnd = this.end;
        let line = this.text.slice(this.pos, lineEnd).replace(/\r$/, '');
        if (heredoc.stripTabs) line = line.replace(/^\t+/, '');
        this.pos = Math.min(lineEnd + 1, this.end);
        if (line === heredoc.delimiter) break;
      }
    }
    this.pending = [];
  }

  private readHeredocDelimiter(stripTabs: boolean): void {
    while (this.pos < this.end && (this.text[this.pos] === ' ' || this.text[this.pos] === '\t')) this.pos++;
    if (this.pos >= this.end || WORD_BREAK.has(this.text[this.pos]!)) return;
    const word = this.readWord();
    this.tokens.push(word);
    this.pending.push({ delimiter: word.value, stripTabs });
  }

  private isContinuation(at: number): boolean {
    const next = this.text[at + 1];
    return next === '\n' || (next === '\r' && this.text[at + 2] === '\n');
  }

  private afterContinuation(at: number): number {
    return this.text[at + 1] === '\r' ? at + 3 : at + 2;
  }

  private operatorAt(at: number): string | undefined {
    const { text } = this;
    if (text[at] === '<') {
      PLACEHOLDER.lastIndex = at;
      if (PLACEHOLDER.test(text)) return undefined;
    }
    // `2>`, `2>&1`: a file-descriptor number glued to a redirection belongs to it.
    let digits = at;
    while (digits < this.end && text[digits]! >= '0' && text[digits]! <= '9') digits++;
    if (digits > at && (text[digits] === '>' || text[digits] === '<')) {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, digits));
      return op === undefined ? undefined : text.slice(at, digits) + op;
    }
    return OPERATORS.find((candidate) => text.startsWith(candidate, at) && at + candidate.length <= this.end);
  }

  private readWord(): Word {
    const { text } = this;
    const start = this.pos;
    let value = '';
    const offsets: number[] = [];
    let dynamicAt = -1;
    const push = (chars: string, at: number, dynamic = false): void => {
      if (dynamic && dynamicAt < 0) dynamicAt = value.length;
      for (let k = 0; k < chars.length; k++) offsets.push(at + k);
      value += chars;
    };
    while (this.pos < this.end) {
      const c = text[this.pos]!;
      if (c === '<') {
        PLACEHOLDER.lastIndex = this.pos;
        const placeholder = PLACEHOLDER.exec(text);
        if (placeholder) {
          push(placeholder[0], this.pos);
          this.pos += placeholder[0].length;
          continue;
        }
      }
      if (WORD_BREAK.has(c)) break;
      if (c === '\\') {
        if (this.isContinuation(this.pos)) {
          this.pos = this.afterContinuation(this.pos);
        } else if (this.pos + 1 < this.end) {
          push(text[this.pos + 1]!, this.pos + 1);
          this.pos += 2;
        } else {
          this.pos++;
        }
      } else if (c === "'") {
        const close = this.find("'", this.pos + 1);
        for (let k = this.pos + 1; k < close; k++) push(text[k]!, k);
        this.pos = Math.min(close + 1, this.end);
      } else if (c === '"') {
        this.readDoubleQuoted(push);
      } else if (c === '$' && text[this.pos + 1] === "'") {
        // ANSI-C quoting: escapes are rare in kubectl arguments; keep the characters as written.
        let k = this.pos + 2;
        while (k < this.end && text[k] !== "'") k += text[k] === '\\' ? 2 : 1;
        for (let j = this.pos + 2; j < Math.min(k, this.end); j++) push(text[j]!, j);
        this.pos = Math.min(k + 1, this.end);
      } else if (c === '$' || c === '`') {
        this.readExpansion(push);
      } else {
        push(c, this.pos);
        this.pos++;
      }
    }
    return { kind: 'word', start, end: this.pos, value, raw: text.slice(start, this.pos), offsets, dynamicAt };
  }

  private readDoubleQuoted(push: (chars: string, at: number, dynamic?: boolean) => void): void {
    const { text } = this;
    this.pos++;
    while (this.pos < this.end && text[this.pos] !== '"') {
      const c = text[this.pos]!;
      if (c === '\\' && this.isContinuation(this.pos)) {
        this.pos = this.afterContinuation(this.pos);
      } else if (c === '\\' && this.pos + 1 < this.end && '$`"\\'.includes(text[this.pos + 1]!)) {
        push(text[this.pos + 1]!, this.pos + 1);
        this.pos += 2;
      } else if (c === '$' || c === '`') {
        this.readExpansion(push);
      } else {
        push(c, this.pos);
        this.pos++;
      }
    }
    this.pos = Math.min(this.pos + 1, this.end);
  }

  /** `$(...)`, backquotes, `${...}`, `$NAME`, `$1`; a lone `$` is literal. */
  private readExpansion(push: (chars: string, at: number, dynamic?: boolean) => void): void {
    const { text } = this;
    const start = this.pos;
    if (text[start] === '`') {
      const close = this.find('`', start + 1);
      this.substitute(start + 1, close);
      this.pos = Math.min(close + 1, this.end);
    } else if (text[start + 1] === '(') {
      const inner = new Lexer(text, start + 2, this.end, this.options, this.substitutions);
      this.pos = inner.run(true);
      this.substitutions.push(inner.tokens);
    } else if (text[start + 1] === '{') {
      let depth = 0;
      let k = start + 1;
      for (; k < this.end; k++) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}' && --depth === 0) break;
      }
      this.pos = Math.min(k + 1, this.end);
    } else {
      const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])/.exec(text.slice(start + 1, Math.min(start + 64, this.end)));
      if (!name) {
        push('$', start);
        this.pos++;
        return;
      }
      this.pos = start + 1 + name[0].length;
    }
    push(text.slice(start, this.pos), start, true);
  }

  private substitute(from: number, to: number): void {
    const inner = new Lexer(this.text, from, to, this.options, this.substitutions);
    inner.run(false);
    this.substitutions.push(inner.tokens);
  }

  /** Offset of the next unescaped `quote` at or after `from`, or `end` when unterminated. */
  private find(quote: string, from: number): number {
    for (let k = from; k < this.end; k++) {
      if (this.text[k] === quote) return k;
      if (quote === '`' && this.text[k] === '\\') k++;
    }
    return this.end;
  }
}

/** Lexes `text.slice(start, end)` keeping offsets relative to the whole `text`. */
export function lexShell(text: string, start = 0, end = text.length, options: LexOptions = {}): LexResult {
  const substitutions: Token[][] = [];
  const lexer = new Lexer(text, start, end, options, substitutions);
  lexer.run(false);
  return { tokens: lexer.tokens, substitutions };
}

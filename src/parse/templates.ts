import { CST, Lexer } from 'yaml';

/** Where a template expression was found, as offsets, and what kind of file it suggests. */
export interface TemplateMarker {
  start: number;
  end: number;
  /** The expression as written, shortened for a message. */
  excerpt: string;
  /** `helm` when it uses Helm's built-in objects (`.Values`, `.Release`, …). */
  flavour: 'helm' | 'go-template';
}

/** Helm's built-in objects: no rendered manifest refers to them, quoted or not. */
const HELM_OBJECT = /(?:^|[\s(|$])\$?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b/;
const SCALAR_START = '\u001f';
const CONTROL = new Set(['\u0002', '\u0018', SCALAR_START]);

interface ContentRanges {
  comments: [number, number][];
  /** Quoted strings and block scalars. */
  strings: [number, number][];
}

/**
 * Text ranges where `{{ }}` is ordinary content of a rendered manifest: comments, quoted strings
 * and block scalars. Prometheus rules (`'{{ $labels.instance }}'`), Argo workflows
 * (`"{{inputs.parameters.x}}"`) and Alertmanager templates in a ConfigMap (`|` blocks) all use
 * Go template syntax legitimately there. The lexer is tolerant, so this works on text that does
 * not parse, which is what an unrendered template usually is.
 */
function contentRanges(text: string): ContentRanges {
  const comments: [number, number][] = [];
  const strings: [number, number][] = [];
  let offset = 0;
  let blockScalarNext = false;
  let afterScalarStart = false;
  for (const lexeme of new Lexer().lex(text)) {
    if (CONTROL.has(lexeme)) {
      afterScalarStart = lexeme === SCALAR_START;
      continue;
    }
    const type = CST.tokenType(lexeme);
    const isBlockContent = blockScalarNext && afterScalarStart;
    if (type === 'comment') comments.push([offset, offset + lexeme.length]);
    else if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar' || isBlockContent) strings.push([offset, offset + lexeme.length]);
    if (type === 'block-scalar-header') blockScalarNext = true;
    else if (isBlockContent) blockScalarNext = false;
    afterScalarStart = false;
    offset += lexeme.length;
  }
  return { comments, strings };
}

function inside(ranges: readonly [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = ranges[mid]!;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True when `{{` starts a line or a value, where no plain YAML string can begin with `{`. */
function startsLineOrValue(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  if (i < 0 || text[i] === '\n' || text[i] === '\r') return true;
  // `key: {{`, `- {{`: an indicator and a space. `job-{{` is the middle of a plain string.
  const spaced = i < offset - 1;
  return spaced && (text[i] === ':' || (text[i] === '-' && (i === 0 || /\s/.test(text[i - 1]!))));
}

function excerptOf(expression: string): string {
  return expression.length > 60 ? `${expression.slice(0, 57)}…}}` : expression;
}

/**
 * Every `{{ … }}` on one line, in order. Linear however the braces are arranged: the positions of
 * the next `}}` and the next line break only move forward.
 */
function* expressions(text: string): Generator<{ start: number; end: number }> {
  let close = -1;
  let lineEnd = -1;
  for (let open = text.indexOf('{{'); open >= 0; ) {
    if (close < open + 2) close = text.indexOf('}}', open + 2);
    if (close < 0) return;
    if (lineEnd < open) lineEnd = text.indexOf('\n', open) < 0 ? text.length : text.indexOf('\n', open);
    if (close < lineEnd) {
      yield { start: open, end: close + 2 };
      open = text.indexOf('{{', close + 2);
    } else {
      open = text.indexOf('{{', lineEnd);
    }
  }
}

/**
 * Finds the first sign that a file is a template that has not been rendered yet: a Helm expression
 * anywhere outside comments, or any `{{ … }}` that starts a line or a value outside strings. A
 * `{{` in the middle of a plain string (`name: job-{{workflow.name}}`) is left alone. The marker is
 * the first such expression; it is called Helm when any expression names Helm's objects.
 */
export function findTemplateMarker(text: string): TemplateMarker | undefined {
  if (!text.includes('{{')) return undefined;
  const { comments, strings } = contentRanges(text);
  let first: TemplateMarker | undefined;
  for (const { start, end } of expressions(text)) {
    if (inside(comments, start)) continue;
    const expression = text.slice(start, end);
    const helm = HELM_OBJECT.test(expression.slice(2, -2));
    if (!helm && (first || inside(strings, start) || !startsLineOrValue(text, start))) continue;
    first ??= { start, end, excerpt: excerptOf(expression), flavour: 'go-template' };
    // Reported where the first expression is; named after Helm as soon as one gives Helm away.
    if (helm) return { ...first, flavour: 'helm' };
  }
  return first;
}

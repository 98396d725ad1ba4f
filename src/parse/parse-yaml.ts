import { Composer, LineCounter, Parser, isScalar, type CST, type Document, type Node } from 'yaml';
import type { Finding, JsonValue, Locator } from '../types.js';
import type { ParsedDocument, ParsedYaml, YamlStream } from './document.js';
import { checkAliases } from './aliases.js';
import { classify } from './classify.js';
import { findDuplicateKeys } from './duplicates.js';
import { createLocator } from './locate.js';
import { tooDeepAt, withoutContent } from './nesting.js';
import { MAX_ALIAS_EXPANSION, MAX_NESTING_DEPTH, yamlOptions } from './options.js';
import { aliasMessage, describeError, reporter, type Reporter } from './report.js';
import { syntaxFindings } from './syntax.js';
import { fastDocuments } from './fast/fast-stream.js';
import type { FastDocument } from './fast/scanner.js';
import { UNRENDERED_TEMPLATE, unrenderedTemplate } from './unrendered.js';


/** Converts 1-based line:col of an offset, for stages that report raw offsets. */
export type OffsetToPos = (offset: number) => { line: number; col: number };

function isEmptyContents(contents: unknown): boolean {
  return contents === null || contents === undefined || (isScalar(contents) && contents.value === null && !contents.tag);
}

/** A composed document with what is known about it before it is read. */
interface Composed {
  doc: Document.Parsed;
  /** Where the next document starts (or the end of the text). */
  endOffset: number;
  /** Offset of the first collection nested too deeply, when there is one. */
  tooDeepAt?: number;
}

/**
 * Composes documents one parser token at a time, like `parseAllDocuments`, but checks the nesting
 * of each document before the (recursive) composer sees it: a document too deep to read is
 * composed without its content. The composer hands a document over when the next one starts.
 */
function* composeDocuments(text: string): Generator<Composed> {
  const parser = new Parser();
  const composer = new Composer(yamlOptions);
  const deep: (number | undefined)[] = [];
  let handedOver = 0;
  const take = (doc: Document.Parsed, endOffset: number): Composed => {
    const at = deep[handedOver];
    deep[handedOver++] = undefined;
    return { doc, endOffset, ...(at !== undefined ? { tooDeepAt: at } : {}) };
  };
  for (const token of parser.parse(text)) {
    let next: CST.Token = token;
    if (token.type === 'document') {
      const offset = tooDeepAt(token, MAX_NESTING_DEPTH);
      deep.push(offset);
      if (offset !== undefined) next = withoutContent(token);
    }
    for (const doc of composer.next(next)) yield take(doc as Document.Parsed, token.offset);
  }
  for (const doc of composer.end()) yield take(doc as Document.Parsed, text.length);
}

/**
 * Reads a YAML (or JSON) stream with positions, one document at a time. Never throws: parser
 * failures, alias bombs, cyclic aliases and nesting too deep to read become `yaml-syntax` findings
 * on the document they affect, and the other documents of the stream are still read. A file that
 * is an unrendered template gets one `unrendered-template` finding and no documents.
 */
/**
 * The largest file the fast scanner reads. It holds all of a file's documents at once (a file
 * either takes the fast path whole or not at all), about 18 bytes of memory per byte of text; a
 * larger file is streamed by the full parser, one document at a time, so memory stays bounded.
 * Real manifests, CRD-heavy install bundles included, are far below it.
 */
export const FAST_PATH_MAX_BYTES = 8 * 1024 * 1024;

export interface StreamOptions {
  /** Read manifests with the fast scanner where it can (the default); false forces the full parser. */
  fast?: boolean;
  /** How the fast path reads a text: the scanner (the default), or a cache of what it read before. */
  scan?: (text: string) => FastDocument[] | undefined;
}

export function streamYaml(file: string, text: string, options: StreamOptions = {}): YamlStream {
  const lineCounter = new LineCounter();
  const report = reporter(file, text, lineCounter);
  const findings: Finding[] = [];
  const configs: string[] = [];
  // Counted from the text rather than fed by the parser: the parser does not report the line
  // breaks inside the error tokens it makes of broken input, which would shift every later line.
  countLines(text, lineCounter);
  const template = unrenderedTemplate(text);
  if (template) {
    // One finding that says what the file is, instead of the cascade that parsing it would give.
    findings.push(report.at(UNRENDERED_TEMPLATE, 'error', template.message, 1, template.start, template.end, template.hint));
    return { documents: [], findings, configs, holdsTrees: false };
  }
  // Files entirely in the subset the fast scanner reads give the same values and spans without
  // building a syntax tree; any other file is read by the full parser below.
  const fast = options.fast === false || text.length > FAST_PATH_MAX_BYTES ? undefined : fastDocuments(text, lineCounter, { report, findings, configs }, options.scan);
  if (fast) return { documents: fast, findings, configs, holdsTrees: false };
  const mayHaveAliases = aliasMarkers(text);
  function* documents(): Generator<ParsedDocument> {
    let index = 0;
    let composed: Iterator<Composed> | undefined = composeDocuments(text);
    while (composed) {
      let step: IteratorResult<Composed>;
      try {
        step = composed.next();
      } catch (error) {
        // The composer reports its own errors; this last resort keeps the documents read so far.
        const at = lineCounter.lineStarts[lineCounter.lineStarts.length - 1] ?? 0;
        findings.push(report.at('yaml-syntax', 'error', `the rest of the file could not be read (${describeError(error)})`, index + 1, at, at + 1));
        return;
      }
      if (step.done) composed = undefined;
      else yield readDocument(step.value, ++index, { file, text, lineCounter, report, findings, configs, mayHaveAliases });
    }
  }
  return { documents: documents(), findings, configs, holdsTrees: true };
}

interface ReadContext {
  file: string;
  text: string;
  lineCounter: LineCounter;
  report: Reporter;
  findings: Finding[];
  configs: string[];
  mayHaveAliases: (doc: Document.Parsed) => boolean;
}

/** Checks and decodes one composed document, adding its parse findings to the context. */
function readDocument({ doc, endOffset, tooDeepAt: deepAt }: Composed, index: number, ctx: ReadContext): ParsedDocument {
  const { file, text, lineCounter, report, findings } = ctx;
  const locator = createLocator({ doc, lineCounter, docRange: [doc.range[0], doc.range[2]], textLength: text.length });
  const broken: ParsedDocument = { index, value: undefined, empty: false, broken: true, locator };
  if (deepAt !== undefined) {
    const message = `this document is nested more than ${MAX_NESTING_DEPTH} levels deep; k8s-lint does not read documents this deep`;
    findings.push(report.at('yaml-syntax', 'error', message, index, deepAt, deepAt + 1));
    return broken;
  }
  const syntax = syntaxFindings({ file, text, doc, index, lineCounter, endOffset });
  for (const f of syntax) findings.push(f);
  if (syntax.some((f) => f.severity === 'error')) return broken;
  if (isEmptyContents(doc.contents)) return { index, value: undefined, empty: true, broken: false, locator };
  // Aliases are only possible where a `*` is written; most documents have none and skip the walk.
  // A large document may reuse anchors more: expansion up to its own size keeps the work after
  // parsing proportional to the input, which is all that matters.
  const maxExpandedNodes = Math.max(MAX_ALIAS_EXPANSION, doc.range[2] - doc.range[0]);
  const problem = ctx.mayHaveAliases(doc) ? checkAliases(doc, { maxExpandedNodes, maxDepth: MAX_NESTING_DEPTH }) : undefined;
  if (problem) {
    const [start, end] = problem.alias.range ?? [0, 1];
    findings.push(report.at('yaml-syntax', 'error', aliasMessage(problem), index, start, end));
    return broken;
  }
  let value: JsonValue;
  try {
    for (const f of findDuplicateKeys({ file, doc, index, lineCounter, textLength: text.length })) findings.push(f);
    // Expansion is bounded by checkAliases above; yaml's own alias count would only reject
    // documents that are safe to read.
    value = doc.toJS({ maxAliasCount: -1 }) as JsonValue;
  } catch (error) {
    const at = (doc.contents as Node | null)?.range?.[0] ?? doc.range[0];
    findings.push(report.at('yaml-syntax', 'error', `the document could not be read: ${describeError(error)}`, index, at, at + 1));
    return broken;
  }
  return classify(value, index, locator, (doc.contents as Node | null)?.range?.[0] ?? doc.range[0], ctx);
}

/** Reads a whole stream at once: every document, with the parse findings of the file. */
export function parseYaml(file: string, text: string): ParsedYaml {
  const stream = streamYaml(file, text);
  const documents = [...stream.documents];
  return { documents, findings: stream.findings, configs: stream.configs };
}

/**
 * Whether a document's text holds a `*` at all: aliases are impossible without one, and most
 * documents have none. Documents are asked in order, so the search only moves forward.
 */
function aliasMarkers(text: string): (doc: Document.Parsed) => boolean {
  let next = -1;
  return (doc) => {
    if (next !== -2 && next < doc.range[0]) next = text.indexOf('*', doc.range[0]);
    if (next === -1) next = -2;
    return next >= 0 && next < doc.range[2];
  };
}

/** Fills a line counter with the start of every line. */
function countLines(text: string, lineCounter: LineCounter): void {
  lineCounter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
}

import { LineCounter, isScalar, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Finding, JsonValue, Locator } from '../types.js';
import { findDuplicateKeys } from './duplicates.js';
import { createLocator } from './locate.js';
import { MAX_ALIAS_COUNT, yamlOptions } from './options.js';
import { syntaxFindings } from './syntax.js';

export interface ParsedDocument {
  /** 1-based position of the document in its stream. */
  index: number;
  /** The decoded value; undefined when the document is empty or could not be read. */
  value: JsonValue | undefined;
  /** No content at all: `---` alone, comments only, or an explicit `null` document. */
  empty: boolean;
  /** The document has a syntax error, so no checks beyond syntax are run on it. */
  broken: boolean;
  locator: Locator;
}

export interface ParsedYaml {
  documents: ParsedDocument[];
  /** Findings of the parse itself: yaml-syntax and duplicate-key. */
  findings: Finding[];
}

/** Converts 1-based line:col of an offset, for stages that report raw offsets. */
export type OffsetToPos = (offset: number) => { line: number; col: number };

function isEmptyContents(contents: unknown): boolean {
  return contents === null || contents === undefined || (isScalar(contents) && contents.value === null && !contents.tag);
}

/**
 * Parses a YAML (or JSON) stream with positions. Never throws: parser failures, alias bombs and
 * nesting too deep for the decoder become `yaml-syntax` findings on the document they affect.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const findings: Finding[] = [];
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { ...yamlOptions, lineCounter }) as Document.Parsed[];
  } catch (error) {
    findings.push(fatal(file, text, lineCounter, error, 1));
    return { documents: [], findings };
  }
  if (!Array.isArray(docs)) docs = [];
  const documents: ParsedDocument[] = [];
  docs.forEach((doc, i) => {
    const index = i + 1;
    const docRange: [number, number] = [doc.range[0], doc.range[2]];
    const locator = createLocator({ doc, lineCounter, docRange, textLength: text.length });
    const endOffset = docs[i + 1]?.range?.[0] ?? text.length;
    const syntax = syntaxFindings({ file, text, doc, index, lineCounter, endOffset });
    findings.push(...syntax);
    const broken = syntax.some((f) => f.severity === 'error');
    const empty = !broken && isEmptyContents(doc.contents);
    let value: JsonValue | undefined;
    if (!broken && !empty) {
      try {
        findings.push(...findDuplicateKeys({ file, doc, index, lineCounter, textLength: text.length }));
        value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as JsonValue;
      } catch (error) {
        findings.push(fatal(file, text, lineCounter, error, index, doc.contents as Node | null));
        documents.push({ index, value: undefined, empty: false, broken: true, locator });
        return;
      }
    }
    documents.push({ index, value, empty, broken, locator });
  });
  return { documents, findings };
}

function fatal(file: string, text: string, lineCounter: LineCounter, error: unknown, index: number, node?: Node | null): Finding {
  const offset = node?.range?.[0] ?? 0;
  const pos = text.length === 0 ? { line: 1, col: 1 } : lineCounter.linePos(Math.min(offset, text.length));
  const raw = error instanceof Error ? error.message : String(error);
  let message: string;
  if (/alias/i.test(raw)) {
    message = `too many alias expansions in this document (more than ${MAX_ALIAS_COUNT}); it looks like an alias bomb and was not read`;
  } else if (error instanceof RangeError) {
    message = 'the document is nested too deeply to be read';
  } else {
    message = `the document could not be read: ${raw}`;
  }
  return {
    file,
    ruleId: 'yaml-syntax',
    severity: 'error',
    message,
    pointer: '',
    resource: { document: index },
    line: Math.max(1, pos.line),
    column: Math.max(1, pos.col),
    endLine: Math.max(1, pos.line),
    endColumn: Math.max(2, pos.col + 1),
  };
}

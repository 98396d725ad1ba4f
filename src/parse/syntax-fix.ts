/**
 * Fixes for the two mistakes `syntax.ts` explains: tabs used for indentation, and `key:value`
 * without a space. The tab fix keeps the structure the author meant: a tab prefix shared by every
 * line of the document (a whole manifest pasted one tab in) goes, and each remaining tab becomes
 * the indentation step of the surrounding blocks. Widths are tried in turn (the file's own step,
 * then 2, 4, 8) and the first one after which the document parses without an error is taken;
 * when none does, there is no fix. Tabs inside block scalars (`|`, `>`) are text and stay.
 */
import { parseDocument } from 'yaml';
import type { TextEdit } from '../types.js';
import { yamlOptions } from './options.js';

export interface DocumentLines {
  text: string;
  /** Offset of the first character of each line of the document, in order. */
  starts: readonly number[];
  /** Offset just after the document (the start of the next one, or the end of the text). */
  end: number;
}

interface Line {
  start: number;
  lead: string;
  blank: boolean;
  /** A comment, a document marker (`---`, `...`) or a directive: no part of the document's indentation. */
  comment: boolean;
  /** Characters of `lead` that are indentation; the rest of a block scalar's line is its text. */
  structural: number;
  /** A line of a block scalar's text. */
  text: boolean;
}

/** Largest document whose tabs get a fix (manifests are a few KiB). */
export const MAX_TAB_FIX_BYTES = 1024 * 1024;

/** `key: |`, `- >-`, `key: |2 # comment`: the line opens a block scalar. */
const BLOCK_HEADER = /(?:^-|:)[ \t]+[|>][1-9+-]{0,2}[ \t]*(?:#.*)?$/;

function readLines(doc: DocumentLines): Line[] {
  const out: Line[] = [];
  let block: { lead: string; inner?: string } | undefined;
  for (let i = 0; i < doc.starts.length; i++) {
    const start = doc.starts[i]!;
    const next = doc.starts[i + 1] ?? doc.end;
    const content = doc.text.slice(start, next).replace(/\r?\n$/, '');
    const lead = /^[ \t]*/.exec(content)![0];
    const rest = content.slice(lead.length);
    const blank = rest.trim() === '';
    if (block && (blank || (lead.startsWith(block.lead) && lead.length > block.lead.length))) {
      if (!blank) block.inner ??= lead;
      const inner = block.inner ?? lead;
      out.push({ start, lead, blank, comment: false, structural: lead.startsWith(inner) ? inner.length : 0, text: true });
      continue;
    }
    block = undefined;
    const marker = lead === '' && /^(?:---|\.\.\.)(?:\s|$)|^%/.test(rest);
    out.push({ start, lead, blank, comment: rest.startsWith('#') || marker, structural: lead.length, text: false });
    if (!blank && BLOCK_HEADER.test(rest)) block = { lead };
  }
  return out;
}

/** For each line of the document, whether it is the text of a block scalar (where `key:value` is just text). */
export function blockScalarText(doc: DocumentLines): boolean[] {
  return readLines(doc).map((line) => line.text);
}

/** The indentation step the space-indented lines use most (the file's own style), if any. */
function usualStep(lines: readonly Line[]): number | undefined {
  const counts = new Map<number, number>();
  let previous: number | undefined;
  for (const line of lines) {
    if (line.blank || line.comment || line.structural < line.lead.length) continue;
    if (line.lead.includes('\t')) {
      previous = undefined;
      continue;
    }
    const indent = line.lead.length;
    if (previous !== undefined && indent > previous) counts.set(indent - previous, (counts.get(indent - previous) ?? 0) + 1);
    previous = indent;
  }
  let best: number | undefined;
  for (const [step, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && step < best)) best = step;
  return best;
}

/** The shared leading whitespace of the document's lines of content. */
function commonPrefix(lines: readonly Line[]): string {
  let prefix: string | undefined;
  for (const line of lines) {
    if (line.blank || line.comment || line.structural < line.lead.length) continue;
    if (prefix === undefined) prefix = line.lead;
    let n = 0;
    while (n < prefix.length && n < line.lead.length && prefix[n] === line.lead[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix ?? '';
}

function tabEdits(lines: readonly Line[], width: number): TextEdit[] {
  const shared = commonPrefix(lines);
  const drop = shared.includes('\t') ? shared.length : 0;
  const out: TextEdit[] = [];
  for (const line of lines) {
    if (line.blank) continue;
    const indent = line.lead.slice(0, line.structural);
    if (!indent.includes('\t')) continue;
    const kept = drop > 0 && indent.startsWith(shared) ? indent.slice(drop) : indent;
    out.push({ start: line.start, end: line.start + indent.length, text: kept.replace(/\t/g, ' '.repeat(width)) });
  }
  return out;
}

function applied(doc: DocumentLines, edits: readonly TextEdit[]): string {
  const from = doc.starts[0] ?? doc.end;
  let out = '';
  let at = from;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += doc.text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + doc.text.slice(at, doc.end);
}

function parsesCleanly(text: string): boolean {
  return parseDocument(text, yamlOptions).errors.length === 0;
}

/**
 * The edits that replace the tabs of a document's indentation, or undefined when no width makes
 * the document parse. `others` are the document's other syntax fixes, applied with them to check.
 */
export function tabFix(doc: DocumentLines, others: readonly TextEdit[]): TextEdit[] | undefined {
  // Each width tried parses the document again: past this size the finding comes without a fix.
  if (doc.end - (doc.starts[0] ?? doc.end) > MAX_TAB_FIX_BYTES) return undefined;
  const lines = readLines(doc);
  const widths = [...new Set([usualStep(lines) ?? 2, 2, 4, 8])];
  for (const width of widths) {
    const edits = tabEdits(lines, width);
    if (edits.length === 0) return undefined;
    const merged = [...edits];
    for (const e of others) if (!edits.some((t) => t.start < e.end && e.start < t.end)) merged.push(e);
    if (parsesCleanly(applied(doc, merged))) return edits;
  }
  return undefined;
}

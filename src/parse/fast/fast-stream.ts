import type { LineCounter } from 'yaml';
import type { ParsedDocument } from '../document.js';
import { classify, type ClassifyContext } from '../classify.js';
import { scanDocuments } from './documents.js';
import type { FastDocument } from './scanner.js';
import { createFastLocator } from './table.js';

/**
 * The documents of a file read by the fast scanner, or undefined when the file needs the full
 * parser. Values and locators give the same answers as the full path's. `scan` is the scanner, or
 * a cache of what it read before.
 */
export function fastDocuments(text: string, lineCounter: LineCounter, ctx: ClassifyContext, scan: (text: string) => FastDocument[] | undefined = scanDocuments): ParsedDocument[] | undefined {
  const docs = scan(text);
  if (!docs) return undefined;
  return docs.map((doc, i) => {
    const index = i + 1;
    const locator = createFastLocator(doc.table, lineCounter, text.length);
    if (doc.value === undefined) return { index, value: undefined, empty: true, broken: false, locator };
    const root = doc.table.root;
    return classify(doc.value, index, locator, doc.table.data[root + 1]!, ctx);
  });
}

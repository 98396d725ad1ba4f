/** What the parse layer hands to the stages above it: documents with their values and locators. */
import type { Finding, JsonValue, Locator } from '../types.js';

export interface ParsedDocument {
  /** 1-based position of the document in its stream. */
  index: number;
  /** The decoded value; undefined when the document is empty, could not be read, or is skipped. */
  value: JsonValue | undefined;
  /** No content at all: `---` alone, comments only, or an explicit `null` document. */
  empty: boolean;
  /** The document has a syntax error, so no checks beyond syntax are run on it. */
  broken: boolean;
  locator: Locator;
}

export interface ParsedYaml {
  documents: ParsedDocument[];
  /** Findings of the parse itself: yaml-syntax, duplicate-key and unrendered-template. */
  findings: Finding[];
  /** Tools' configuration files read but not linted (`kubeadm ClusterConfiguration`), one per document. */
  configs: string[];
}

/**
 * A file read one document at a time. `documents` can be iterated once; the parse findings and
 * configuration documents are added to `findings` and `configs` as each is read. A large stream
 * never has to be held in memory whole: a document's syntax tree is garbage once the caller is
 * done with it.
 */
export interface YamlStream {
  documents: Iterable<ParsedDocument>;
  findings: Finding[];
  configs: string[];
  /**
   * The documents come from the full parser, one at a time, and each keeps its syntax tree for its
   * locator; false when the fast path read them all (or there is nothing to read).
   */
  holdsTrees: boolean;
}

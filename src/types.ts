/**
 * Core data shapes shared by every stage of the pipeline:
 * files → parse → resources → (schema, rules) → suppress → sort → format.
 */

export type Severity = 'error' | 'warning' | 'info';

/** One step of a JSON-pointer-like path into a document: a mapping key or a sequence index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** A source range. Lines and columns are 1-based; endColumn is exclusive (as ESLint and SARIF). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** What a finding is about: the Kubernetes object (when known) or the document number in its file. */
export interface ResourceRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  /** 1-based document number in the file. */
  document: number;
}

export interface Finding extends Span {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  /** JSON pointer into the document (`/spec/ports/0/nodePort`); '' for the whole document or file. */
  pointer: string;
  resource?: ResourceRef;
  /** An optional hint printed after the message (e.g. a did-you-mean or how to fix). */
  hint?: string;
  /** Text edits that fix the problem, when a safe, mechanical fix exists (`k8s-lint --fix`). */
  fix?: Fix;
}

/** Replace `text[start, end)` with `text`; offsets are UTF-16 indexes into the file's text. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What `--fix` applies for one finding: every edit or none of them. */
export interface Fix {
  edits: TextEdit[];
}

/** A plain JSON-like value decoded from YAML. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Where a value was found, in a form the parse layer can turn into a Span.
 * Rules never build spans: they give a path and say whether they mean the key or the value.
 */
export type Target = 'key' | 'value';

/** Locates a path inside one document. Never throws; falls back to the deepest node found. */
export interface Locator {
  locate(path: Path, on?: Target): Span;
  /** True when the path exists in the source (not only through a fallback). */
  has(path: Path): boolean;
}

/**
 * One Kubernetes object as read from a file. `List` kinds are expanded: each item is its own
 * Resource whose `basePath` points at it inside the document (`['items', 3]`).
 */
export interface Resource {
  file: string;
  /** 1-based document number within the file. */
  document: number;
  /** Path of this object inside its document ([] unless it is a List item). */
  basePath: Path;
  /** The decoded object (may be any JSON value when the document is not a mapping). */
  object: JsonValue;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  /** Locator for the whole document; paths given to it are document-absolute. */
  locator: Locator;
  /** 1-based line numbers of comment lines that belong to this document (for suppression). */
  ref: ResourceRef;
}

export interface SourceFile {
  /** Path as given/displayed (relative to the working directory where possible; '<stdin>' for stdin). */
  path: string;
  text: string;
  /** How the file is to be read. */
  language: 'yaml' | 'json' | 'markdown' | 'shell' | 'text' | 'makefile' | 'ci-yaml';
  /**
   * The bytes are not text (invalid UTF-8, NUL bytes): `text` is a lossy decoding kept for the code
   * frame, and the file gets this one error instead of being linted.
   */
  decodeError?: { offset: number; message: string };
}

export interface LintSummary {
  files: number;
  resources: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Resources with no schema to check against (custom resources without a CRD, etc.). */
  unchecked: number;
  /** Resources checked against the bundled CRD catalog (absent when none were). */
  crdCatalog?: number;
  /** Notes on what was skipped and why (binary files, empty directories, kinds without a schema). */
  notices: string[];
  /** Fixes applied by `--fix` (present only when fixes were asked for). */
  fixed?: number;
}

/** A file that was linted and the objects read from it (for reports that list passing files too). */
export interface LintedFile {
  path: string;
  resources: ResourceRef[];
}

export interface LintResult {
  findings: Finding[];
  summary: LintSummary;
  /** Texts of the files that have findings (for code frames), by path. */
  sources: Map<string, string>;
  /** Every linted file in input order, with its objects. */
  files?: LintedFile[];
}

/**
 * A finding before it has a position: what checks (schema stage, rules) produce.
 * The lint stage turns `path` + `on` into a Span with the resource's locator.
 * `path` is relative to the resource (List items are handled by the caller).
 */
export interface Report {
  ruleId: string;
  severity: Severity;
  path: Path;
  on?: Target;
  message: string;
  hint?: string;
  /** Replacements of single scalars (a key or a value) that fix the problem; the engine turns them into text edits. */
  fix?: ScalarFix[];
}

/**
 * A fix as a check can say it without the source text: the key or value scalar at `path` (relative
 * to the resource, as `Report.path`) becomes `text`, keeping its quotes. Applied only when the
 * scalar's text in the source is `expected`.
 */
export interface ScalarFix {
  path: Path;
  on: Target;
  expected: string;
  text: string;
}

/** A place found during collection, kept so a cross-resource finding can be reported later. */
export interface Place {
  file: string;
  resource: ResourceRef;
  pointer: string;
  span: Span;
}

/** Turns a path of the current resource into a source range: what a rule's context offers as `span`. */
export interface SpanOf {
  span(path: Path, on?: Target): Span;
}

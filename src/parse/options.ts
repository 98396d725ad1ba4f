import type { ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';

/**
 * The one place where the YAML dialect is chosen.
 *
 * Kubernetes decodes manifests with a YAML 1.1 parser (sigs.k8s.io/yaml over go-yaml), so
 * `yes`/`no`/`on`/`off` are booleans and `0755` is octal. We parse as YAML 1.1 on purpose, so that
 * `replicas: yes` is seen as the boolean the API server will see. Two YAML 1.1 types are dropped
 * because go-yaml does not apply them when decoding into untyped JSON: sexagesimal numbers
 * (`1:20` stays a string) and timestamps (`2020-08-04T10:08:01Z` stays a string).
 */
export const YAML_VERSION = '1.1' as const;

type TagLike = { tag?: string; format?: string };

/**
 * JSON-compatible core tags only. `!!binary`, `!!set`, `!!omap`, `!!pairs` would decode to values
 * that are not JSON (and that the API server rejects anyway); without them they are reported as
 * unresolved tags and read as plain values.
 */
const KEPT_TAGS = new Set(['map', 'seq', 'str', 'null', 'bool', 'int', 'float', 'merge'].map((t) => `tag:yaml.org,2002:${t}`));

function keepTag(tag: unknown): boolean {
  const t = tag as TagLike;
  return t.format !== 'TIME' && t.tag !== undefined && KEPT_TAGS.has(t.tag);
}

export const yamlOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: YAML_VERSION,
  prettyErrors: false,
  // Duplicate keys are reported by our own `duplicate-key` check, which names the first occurrence.
  uniqueKeys: false,
  merge: true,
  keepSourceTokens: false,
  // Problems are reported as findings; the library must never write to the console (a complex key
  // such as `{a: 1}: x` would otherwise print a Node.js warning on stderr).
  logLevel: 'error',
  customTags: (tags) => tags.filter(keepTag),
};

/**
 * Most nodes that aliases may add to one document once expanded (or the document's length in
 * characters, when that is more). Real manifests share a few small blocks (`<<: *defaults`); an
 * alias bomb adds millions. The `yaml` package's `maxAliasCount` is
 * not used for this: it counts alias uses weighted by nesting, not the size of what they stand for,
 * so one anchor on a large list used a thousand times passes it (see aliases.ts).
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/**
 * Deepest nesting of collections read. Real manifests stay under 20 levels and the deepest CRD
 * schemas under 100; the decoder and the checks after it recurse once per level, so a document
 * nested thousands of levels deep would overflow the stack somewhere unpredictable.
 */
export const MAX_NESTING_DEPTH = 256;

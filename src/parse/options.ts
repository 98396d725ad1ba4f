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
  customTags: (tags) => tags.filter(keepTag),
};

/** Aliases beyond this count in one document are treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 1000;

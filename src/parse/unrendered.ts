import type { JsonValue } from '../types.js';
import { isObject } from './resources.js';
import { findTemplateMarker } from './templates.js';

/** The id of the finding for input that must be rendered (Helm) or built (Kustomize) first. */
export const UNRENDERED_TEMPLATE = 'unrendered-template';

export interface UnrenderedInput {
  /** Offsets of what gave it away. */
  start: number;
  end: number;
  message: string;
  hint: string;
}

/**
 * A Helm chart template: linting it as YAML gives a cascade of syntax errors about braces, or,
 * when the expressions are quoted, schema errors about strings where numbers belong. Neither says
 * what is wrong, so the file gets one finding that does.
 */
export function unrenderedTemplate(text: string): UnrenderedInput | undefined {
  const marker = findTemplateMarker(text);
  if (!marker) return undefined;
  const what = marker.flavour === 'helm' ? 'an unrendered Helm template' : 'an unrendered template';
  return {
    start: marker.start,
    end: marker.end,
    message: `this file is ${what} (${marker.excerpt}), not a manifest`,
    hint: 'render it first and lint the output: helm template <release> <chart> | k8s-lint -',
  };
}

const PATCH_OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

function isPatchOperation(value: JsonValue): boolean {
  return isObject(value) && typeof value.op === 'string' && PATCH_OPS.has(value.op) && typeof value.path === 'string';
}

/**
 * A Kustomize JSON 6902 patch: a list of `{op, path, value}` operations. It is applied by
 * `kustomize build`, never by `kubectl apply`, so it has no apiVersion or kind to check.
 */
export function isJsonPatch(values: readonly JsonValue[]): boolean {
  return values.length > 0 && values.every((v) => Array.isArray(v) && v.length > 0 && v.every(isPatchOperation));
}

export const JSON_PATCH_MESSAGE = 'this file is a Kustomize JSON patch (a list of op/path operations), not a manifest';
export const KUSTOMIZE_HINT = 'lint what Kustomize builds: kustomize build <dir> | k8s-lint -';

const PLACEHOLDER = /\{\{[^{}]*\}\}/;

/**
 * A `{{ … }}` placeholder in a name, namespace or label: no rendered object has one there (braces
 * are not allowed in any of them), so the document is a template that some tool still has to fill
 * in, even when its placeholders are inside quotes or in the middle of a string. Returns the path
 * of the first such value.
 */
export function placeholderInMetadata(value: JsonValue): { path: string[]; text: string } | undefined {
  if (!isObject(value) || !isObject(value.metadata)) return undefined;
  const meta = value.metadata;
  for (const field of ['name', 'generateName', 'namespace']) {
    const text = meta[field];
    if (typeof text === 'string' && PLACEHOLDER.test(text)) return { path: ['metadata', field], text };
  }
  if (isObject(meta.labels)) {
    for (const [key, text] of Object.entries(meta.labels)) {
      if (PLACEHOLDER.test(key) || (typeof text === 'string' && PLACEHOLDER.test(text))) return { path: ['metadata', 'labels', key], text: typeof text === 'string' ? text : key };
    }
  }
  return undefined;
}

export const PLACEHOLDER_HINT = 'render it first and lint the output (for Helm: helm template <release> <chart> | k8s-lint -)';

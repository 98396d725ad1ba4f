import type { Finding, JsonValue, Locator } from '../types.js';
import type { ParsedDocument } from './document.js';
import { configFileOf } from './config-files.js';
import type { Reporter } from './report.js';
import { isJsonPatch, JSON_PATCH_MESSAGE, KUSTOMIZE_HINT, PLACEHOLDER_HINT, placeholderInMetadata, UNRENDERED_TEMPLATE } from './unrendered.js';

export interface ClassifyContext {
  report: Reporter;
  findings: Finding[];
  configs: string[];
}

/**
 * What a decoded document is: a tool's configuration file (counted, not linted), an unrendered
 * template or a Kustomize patch (one finding), or a manifest. The same for both parse paths.
 * `contentStart` is the offset of the document's root node.
 */
export function classify(value: JsonValue, index: number, locator: Locator, contentStart: number, ctx: ClassifyContext): ParsedDocument {
  const skipped: ParsedDocument = { index, value: undefined, empty: false, broken: false, locator };
  const config = configFileOf(value);
  if (config !== undefined) {
    ctx.configs.push(config);
    return skipped;
  }
  const placeholder = placeholderInMetadata(value);
  if (placeholder) {
    const span = locator.locate(placeholder.path, 'value');
    const excerpt = placeholder.text.length > 60 ? `${placeholder.text.slice(0, 57)}…` : placeholder.text;
    const message = `this document is an unrendered template (${placeholder.path.join('.')} is "${excerpt}"), not a manifest`;
    ctx.findings.push({ ...ctx.report.at(UNRENDERED_TEMPLATE, 'error', message, index, 0, 1, PLACEHOLDER_HINT), ...span });
    return skipped;
  }
  if (isJsonPatch([value])) {
    ctx.findings.push(ctx.report.at(UNRENDERED_TEMPLATE, 'error', JSON_PATCH_MESSAGE, index, contentStart, contentStart + 1, KUSTOMIZE_HINT));
    return skipped;
  }
  return { index, value, empty: false, broken: false, locator };
}


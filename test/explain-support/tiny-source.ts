/** A small hand-written API for unit tests that must not depend on the bundled catalog. */
import type { ApiResource, ExplainSource, SchemaNode } from '../../src/explain/model.js';

export function resource(partial: Partial<ApiResource> & Pick<ApiResource, 'group' | 'version' | 'kind' | 'plural'>): ApiResource {
  return {
    singular: partial.kind.toLowerCase(),
    namespaced: true,
    shortNames: [],
    categories: [],
    verbs: ['get', 'list'],
    definition: `test.${partial.group || 'core'}.${partial.version}.${partial.kind}`,
    ...partial,
  };
}

export function tinySource(resources: ApiResource[], definitions: Record<string, SchemaNode>): ExplainSource {
  return {
    resources,
    definition: (name) => (Object.prototype.hasOwnProperty.call(definitions, name) ? definitions[name] : undefined),
  };
}

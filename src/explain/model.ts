import type { JsonValue } from '../types.js';

/**
 * A schema node as explain reads it: OpenAPI with `$ref` holding a definition name
 * (`io.k8s.api.core.v1.ServicePort`), not a JSON pointer. Nodes may be written in the v2 style
 * (`{ $ref, description }` side by side) or the v3 style (`{ allOf: [{ $ref }], description }`);
 * the renderers read both the way kubectl reads the documents the API server publishes.
 */
export interface SchemaNode {
  type?: string;
  format?: string;
  description?: string;
  properties?: Readonly<Record<string, SchemaNode>>;
  required?: readonly string[];
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  allOf?: readonly SchemaNode[];
  $ref?: string;
  enum?: readonly JsonValue[];
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-embedded-resource'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
}

/** One API resource as discovery would list it. */
export interface ApiResource {
  group: string;
  version: string;
  kind: string;
  /** Lower-case plural, the REST resource name (`deployments`). */
  plural: string;
  /** Lower-case singular (`deployment`). */
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  verbs: readonly string[];
  /** Name of the definition describing the kind. */
  definition: string;
}

/** Everything explain needs from a schema catalog: the served resources and their definitions. */
export interface ExplainSource {
  readonly resources: readonly ApiResource[];
  /** Looks a definition up by name; descriptions included. */
  definition(name: string): SchemaNode | undefined;
}

/** `apps/v1`, or `v1` for the core group. */
export function groupVersionString(group: string, version: string): string {
  return group === '' ? version : `${group}/${version}`;
}

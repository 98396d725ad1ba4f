/** Finds the schema node that describes the value at an instance path (`['spec','ports',0]`). */
import type { Catalog } from './catalog.js';
import type { SchemaNode } from './catalog-types.js';
import type { Path } from '../types.js';
import type { SchemaLocator } from './messages.js';
import { QUANTITY } from './to-json-schema.js';

export interface LocatedSchema {
  /** The node after following $refs; undefined when the path leaves the schema. */
  node?: SchemaNode;
  /** The last definition referenced on the way to the node (`io.k8s.api.core.v1.ServicePort`). */
  definition?: string;
}

export function schemaAt(catalog: Catalog, definition: string, path: Path): LocatedSchema {
  let name: string | undefined = definition;
  let node: SchemaNode | undefined = catalog.definition(definition);
  const follow = (): void => {
    for (let depth = 0; node?.$ref !== undefined && depth < 32; depth++) {
      name = node.$ref;
      node = catalog.definition(node.$ref);
    }
  };
  follow();
  for (const segment of path) {
    if (!node) return {};
    if (typeof segment === 'number') node = node.items;
    else node = node.properties?.[segment] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    follow();
  }
  return node ? { node, ...(name ? { definition: name } : {}) } : {};
}

/** The locator the messages use, for one resource's definition. */
export function schemaLocator(catalog: Catalog, definition: string): SchemaLocator {
  return {
    knownFields: (path) => Object.keys(schemaAt(catalog, definition, path).node?.properties ?? {}),
    isQuantity: (path) => schemaAt(catalog, definition, path).definition === QUANTITY,
  };
}

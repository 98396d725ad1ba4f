import type { Catalog } from './catalog.js';
import type { SchemaNode } from './catalog-types.js';

/**
 * Which definitions have a marked node somewhere below them (a value set, a keyed list), so that a
 * check that walks an object along its schema can skip most of a document. Memoised per definition.
 */
export class MarkedIndex {
  private readonly memo = new Map<string, boolean>();
  constructor(
    private readonly catalog: Catalog,
    private readonly marked: (node: SchemaNode) => boolean,
  ) {}

  definitionHas(name: string): boolean {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    this.memo.set(name, false); // a cycle without a mark on the way has none
    const node = this.catalog.definition(name);
    const result = node !== undefined && this.nodeHas(node);
    this.memo.set(name, result);
    return result;
  }

  nodeHas(node: SchemaNode): boolean {
    if (node.$ref !== undefined) return this.definitionHas(node.$ref);
    if (this.marked(node)) return true;
    if (node.items && this.nodeHas(node.items)) return true;
    if (typeof node.additionalProperties === 'object' && this.nodeHas(node.additionalProperties)) return true;
    return Object.values(node.properties ?? {}).some((child) => this.nodeHas(child));
  }
}

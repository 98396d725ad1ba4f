import { isObject } from '../parse/resources.js';
import type { Path, PathSegment } from '../types.js';
import type { Catalog } from './catalog.js';
import type { SchemaNode } from './catalog-types.js';

/**
 * Which definitions have a marked node somewhere below them (a value set, a keyed list), and a walk
 * of an object along its schema that goes only where a mark can be, so a check skips most of a
 * document. Memoised per definition.
 */
export class MarkedIndex {
  private readonly memo = new Map<string, boolean>();
  /** Answers for inline nodes: a CRD's schema is one definition, walked many times per object. */
  private readonly nodes = new WeakMap<SchemaNode, boolean>();
  /** Definitions being worked out (their answer is "no" for now, to end cycles). */
  private pending = 0;
  constructor(
    private readonly catalog: Catalog,
    private readonly marked: (node: SchemaNode) => boolean,
  ) {}

  definitionHas(name: string): boolean {
    const known = this.memo.get(name);
    if (known !== undefined) return known;
    this.memo.set(name, false); // a cycle without a mark on the way has none
    const node = this.catalog.definition(name);
    this.pending++;
    try {
      const result = node !== undefined && this.nodeHas(node);
      this.memo.set(name, result);
      return result;
    } finally {
      this.pending--;
    }
  }

  nodeHas(node: SchemaNode): boolean {
    const known = this.nodes.get(node);
    if (known !== undefined) return known;
    const result = this.nodeHasUncached(node);
    // A "no" found while a definition is being worked out may rest on its provisional "no".
    if (result || this.pending === 0) this.nodes.set(node, result);
    return result;
  }

  private nodeHasUncached(node: SchemaNode): boolean {
    if (node.$ref !== undefined) return this.definitionHas(node.$ref);
    if (this.marked(node)) return true;
    if (node.items && this.nodeHas(node.items)) return true;
    if (typeof node.additionalProperties === 'object' && this.nodeHas(node.additionalProperties)) return true;
    const properties = node.properties;
    if (properties) for (const key of Object.keys(properties)) if (this.nodeHas(properties[key]!)) return true;
    return false;
  }

  /**
   * Calls `visit` with every node of the schema of definition `name` that the object reaches and
   * under which a mark can be, with the value there and its path (`$ref`s followed). The path is
   * one array changed in place as the walk goes: `visit` copies it to keep it.
   */
  walk(name: string, value: unknown, visit: (node: SchemaNode, value: unknown, path: Path) => void): void {
    if (this.definitionHas(name)) this.walkNode({ $ref: name }, value, [], visit, 0);
  }

  private walkNode(node: SchemaNode, value: unknown, path: PathSegment[], visit: (node: SchemaNode, value: unknown, path: Path) => void, depth: number): void {
    if (depth > 64) return;
    if (node.$ref !== undefined) {
      if (!this.definitionHas(node.$ref)) return;
      const target = this.catalog.definition(node.$ref);
      if (target) this.walkNode(target, value, path, visit, depth + 1);
      return;
    }
    visit(node, value, path);
    if (Array.isArray(value)) {
      const items = node.items;
      if (items && this.nodeHas(items)) {
        path.push(0);
        for (let i = 0; i < value.length; i++) {
          path[path.length - 1] = i;
          this.walkNode(items, value[i], path, visit, depth + 1);
        }
        path.pop();
      }
      return;
    }
    if (!isObject(value)) return;
    const properties = node.properties;
    const mapValues = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    for (const key of Object.keys(value)) {
      const childNode = properties?.[key] ?? mapValues;
      if (childNode && this.nodeHas(childNode)) {
        path.push(key);
        this.walkNode(childNode, value[key], path, visit, depth + 1);
        path.pop();
      }
    }
  }
}

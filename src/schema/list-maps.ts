/**
 * Duplicate keys in list-map lists (`x-kubernetes-list-type: map`): two containers with one name,
 * two container ports with one containerPort/protocol pair, two env vars with one name. The API
 * server rejects them (or, for env, the later entry silently wins); JSON Schema cannot say it.
 */
import type { Catalog } from './catalog.js';
import type { SchemaNode } from './catalog-types.js';
import type { Path } from '../types.js';
import { fieldPath, type Problem } from './messages.js';
import { MarkedIndex } from './marked-index.js';

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which definitions have a list-map somewhere below them, so most of a document can be skipped. */
export class ListMapIndex extends MarkedIndex {
  constructor(catalog: Catalog) {
    super(catalog, (node) => node['x-kubernetes-list-type'] === 'map' && (node['x-kubernetes-list-map-keys']?.length ?? 0) > 0);
  }
}

function describeKey(keys: readonly string[], values: readonly Json[]): string {
  return keys.map((key, i) => `${key} ${JSON.stringify(values[i])}`).join(' and ');
}

function checkList(catalog: Catalog, node: SchemaNode, list: Json[], path: Path, out: Problem[]): void {
  const keys = node['x-kubernetes-list-map-keys'] ?? [];
  const itemNode = node.items ? catalog.resolve(node.items) : undefined;
  const firstIndex = new Map<string, number>();
  list.forEach((item, index) => {
    if (!isPlainObject(item)) return;
    // A key left out takes its default (protocol: TCP); without one the entry cannot collide.
    const values = keys.map((key) => item[key] ?? itemNode?.properties?.[key]?.default);
    if (values.some((v) => v === undefined || v === null)) return;
    const id = JSON.stringify(values);
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    const at = keys.find((key) => item[key] !== undefined) ?? keys[0];
    const listName = fieldPath(path.slice(-1));
    out.push({
      kind: 'other',
      path: at === undefined ? [...path, index] : [...path, index, at],
      on: at === undefined ? 'key' : 'value',
      message: `${fieldPath([...path, index])}: duplicate entry with ${describeKey(keys, values)} (already used by ${listName}[${first}])`,
    });
  });
}

/** Duplicate list-map entries in `value`, checked against the definition `name`. */
export function duplicateListEntries(catalog: Catalog, index: ListMapIndex, name: string, value: Json): Problem[] {
  const out: Problem[] = [];
  index.walk(name, value, (node, here, path) => {
    if (Array.isArray(here) && node['x-kubernetes-list-type'] === 'map') checkList(catalog, node, here, path, out);
  });
  return out;
}

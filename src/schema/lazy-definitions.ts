/**
 * Definition records whose CRD entries are converted on first read. A CRD's schema can be large
 * and most served versions have no custom resource in a run, so `catalogFromCRD` stores each
 * version as a getter that converts it once, when something reads that one definition (a check,
 * explain, defaults, the CEL stage). Names stay plain keys: `Object.keys` and `in` convert nothing.
 *
 * Copying such a record with a spread or `Object.assign` would read, and so convert, every entry:
 * merge records with `copyDefinitions`, which moves the getters themselves.
 */
import type { JsonValue } from '../types.js';
import type { SchemaNode } from './catalog-types.js';

/** What a lazy entry is made from: the version's `openAPIV3Schema` as the CRD gives it. */
export interface CrdVersionSource {
  readonly raw: JsonValue | undefined;
}

type Getter = () => SchemaNode;

const sources = new WeakMap<Getter, CrdVersionSource>();

/** Defines `name` on `record` as the memoised result of `convert`; assigning it replaces the entry. */
export function defineLazyDefinition(record: Record<string, SchemaNode>, name: string, source: CrdVersionSource, convert: () => SchemaNode): void {
  let node: SchemaNode | undefined;
  const get: Getter = () => (node ??= convert());
  sources.set(get, source);
  Object.defineProperty(record, name, {
    get,
    set(this: Record<string, SchemaNode>, value: SchemaNode) {
      Object.defineProperty(this, name, { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
}

/** The source of a lazy entry (converted yet or not); undefined for an ordinary entry. */
export function crdVersionSource(record: Readonly<Record<string, SchemaNode>>, name: string): CrdVersionSource | undefined {
  const get = Object.getOwnPropertyDescriptor(record, name)?.get;
  return get === undefined ? undefined : sources.get(get as Getter);
}

/** One entry of `source` put on `target` (replacing one of the same name) without converting it. */
export function copyDefinition(target: Record<string, SchemaNode>, source: Readonly<Record<string, SchemaNode>>, name: string): void {
  const descriptor = Object.getOwnPropertyDescriptor(source, name);
  if (descriptor === undefined) return;
  if (descriptor.get !== undefined && sources.has(descriptor.get as Getter)) {
    Object.defineProperty(target, name, { get: descriptor.get, set: descriptor.set, enumerable: true, configurable: true });
  } else {
    Object.defineProperty(target, name, { value: source[name], writable: true, enumerable: true, configurable: true });
  }
}

/** `Object.assign(target, source)` for definition records, without converting lazy entries. */
export function copyDefinitions(target: Record<string, SchemaNode>, source: Readonly<Record<string, SchemaNode>>): Record<string, SchemaNode> {
  for (const name of Object.keys(source)) copyDefinition(target, source, name);
  return target;
}

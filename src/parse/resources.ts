import type { JsonObject, JsonValue, Path, Resource } from '../types.js';
import type { ParsedDocument } from './document.js';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** `kind: List` and the typed lists (`ServiceList`, `PodList`, …) carry objects in `items`. */
export function isListKind(kind: string | undefined): boolean {
  return kind !== undefined && /List$/.test(kind);
}

function makeResource(file: string, doc: ParsedDocument, object: JsonValue, basePath: Path): Resource {
  const meta = isObject(object) && isObject(object.metadata) ? object.metadata : undefined;
  const apiVersion = isObject(object) ? str(object.apiVersion) : undefined;
  const kind = isObject(object) ? str(object.kind) : undefined;
  const name = str(meta?.name) ?? (str(meta?.generateName) ? `${meta!.generateName as string}*` : undefined);
  const namespace = str(meta?.namespace);
  return {
    file,
    document: doc.index,
    basePath,
    object,
    ...(apiVersion ? { apiVersion } : {}),
    ...(kind ? { kind } : {}),
    ...(name ? { name } : {}),
    ...(namespace ? { namespace } : {}),
    locator: doc.locator,
    ref: {
      document: doc.index,
      ...(apiVersion ? { apiVersion } : {}),
      ...(kind ? { kind } : {}),
      ...(namespace ? { namespace } : {}),
      ...(name ? { name } : {}),
    },
  };
}

/**
 * Turns parsed documents into the objects they hold. Empty and broken documents hold none.
 * A List with an `items` array is replaced by its items, each keeping its path in the document;
 * a List whose `items` is not an array is kept whole so that the schema check can say why.
 */
export function resourcesOf(file: string, documents: readonly ParsedDocument[]): Resource[] {
  const out: Resource[] = [];
  for (const doc of documents) {
    if (doc.empty || doc.broken || doc.value === undefined) continue;
    const value = doc.value;
    if (isObject(value) && isListKind(str(value.kind)) && Array.isArray(value.items)) {
      value.items.forEach((item, i) => out.push(makeResource(file, doc, item, ['items', i])));
      continue;
    }
    out.push(makeResource(file, doc, value, []));
  }
  return out;
}

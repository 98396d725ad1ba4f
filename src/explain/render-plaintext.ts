/**
 * kubectl's `plaintext` explain layout (the OpenAPI v3 template of kubectl 1.32), reproduced
 * byte for byte: the same traversal of `$ref`, `allOf`, `items` and `additionalProperties`, the
 * same type names, the same wrapping. Colour, when asked for, only wraps field names and types.
 */
import type { SchemaNode } from './model.js';
import { indentLines, wordWrap } from './wrap.js';
import { extractEnum, isSchemaMap, typeGuess, type V3Document } from './v3-view.js';

export interface Highlight {
  field(name: string): string;
  type(text: string): string;
}

const PLAIN: Highlight = { field: (s) => s, type: (s) => s };

interface Context {
  doc: V3Document;
  recursive: boolean;
  highlight: Highlight;
}

type History = ReadonlySet<string>;

/** The header kubectl prints before anything else, also when the field lookup then fails. */
export function plaintextHeader(group: string, kind: string, version: string): string {
  return `${group ? `GROUP:      ${group}\n` : ''}KIND:       ${kind}\nVERSION:    ${version}\n\n`;
}

export type PlaintextResult = { ok: true; body: string } | { ok: false; missingField: string };

/**
 * Renders the part after the header for `fieldPath` below the kind's schema. When the path does not
 * resolve, kubectl names the last segment of the path, whichever segment failed.
 */
export function renderPlaintextBody(
  doc: V3Document,
  kindSchema: SchemaNode,
  fieldPath: readonly string[],
  options: { recursive: boolean; highlight?: Highlight },
): PlaintextResult {
  const context: Context = { doc, recursive: options.recursive, highlight: options.highlight ?? PLAIN };
  const body = output(context, kindSchema, fieldPath, new Set());
  if (body === '') return { ok: false, missingField: fieldPath[fieldPath.length - 1] ?? '' };
  return { ok: true, body: body + '\n' };
}

function withRef(history: History, ref: string): History {
  const next = new Set(history);
  next.add(ref);
  return next;
}

/** Follows the field path; at its end prints the description and the field list. */
function output(context: Context, schema: SchemaNode, path: readonly string[], history: History): string {
  const { doc } = context;
  const ref = schema.$ref ?? '';
  const nextHistory = withRef(history, ref);
  const resolved = doc.resolve(ref) ?? doc.node(schema);
  const [first, ...rest] = path;
  if (first === undefined) {
    let text = 'DESCRIPTION:\n' + indentLines(wordWrap(description(context, resolved) || '<empty>', 76), 4) + '\n';
    const fields = fieldList(context, resolved, 1, new Set());
    if (fields) text += 'FIELDS:\n' + fields;
    return text;
  }
  if (ref && history.has(ref)) return ''; // a cycle of references
  const property = ownProperty(resolved, first);
  if (property && isSchemaMap(property)) {
    const subschema = doc.node(property);
    let text = '';
    if (rest.length === 0) {
      const { highlight } = context;
      text += `FIELD: ${highlight.field(first)} <${highlight.type(typeGuess(doc, subschema))}>\n`;
      text += extractEnum(subschema, { longView: true, limit: -1, indent: 0 }) + '\n\n';
    }
    // Each step down a property starts a fresh cycle history, as kubectl does.
    return text + output(context, subschema, rest, new Set());
  }
  if (isSchemaMap(resolved.items)) return output(context, doc.node(resolved.items), path, nextHistory);
  if (isSchemaMap(resolved.additionalProperties)) {
    return output(context, doc.node(resolved.additionalProperties), path, nextHistory);
  }
  for (const alternative of doc.allOf(resolved)) {
    const text = output(context, alternative, path, nextHistory);
    if (text) return text;
  }
  return '';
}

function ownProperty(schema: SchemaNode, name: string): SchemaNode | undefined {
  const properties = schema.properties;
  if (!properties || !Object.prototype.hasOwnProperty.call(properties, name)) return undefined;
  return properties[name];
}

/** Every field of the schema (and, recursively, of what it refers to), sorted by name. */
function fieldList(context: Context, schema: SchemaNode, level: number, history: History): string {
  const { doc } = context;
  const ref = schema.$ref ?? '';
  if (ref && history.has(ref)) return '';
  const nextHistory = withRef(history, ref);
  const resolved = doc.resolve(ref) ?? doc.node(schema);
  let text = '';
  const properties = resolved.properties ?? {};
  for (const name of sortedKeys(properties)) {
    text += fieldDetail(context, resolved, name, level);
    const property = properties[name];
    if (context.recursive && property) text += fieldList(context, doc.node(property), level + 1, nextHistory);
  }
  for (const alternative of doc.allOf(resolved)) text += fieldList(context, alternative, level, nextHistory);
  if (isSchemaMap(resolved.items)) text += fieldList(context, doc.node(resolved.items), level, nextHistory);
  if (isSchemaMap(resolved.additionalProperties)) {
    text += fieldList(context, doc.node(resolved.additionalProperties), level, nextHistory);
  }
  return text;
}

/** Go sorts map keys by bytes; comparing UTF-16 code units agrees for the names schemas use. */
function sortedKeys(record: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * One field as kubectl lists it under `FIELDS:` (`name<TAB><type> -required-`, the enum line, the
 * wrapped description), without the indentation of its level: what an editor shows for a key.
 */
export function renderFieldEntry(doc: V3Document, parent: SchemaNode, name: string): string {
  return fieldDetail({ doc, recursive: false, highlight: PLAIN }, parent, name, 0);
}

function fieldDetail(context: Context, parent: SchemaNode, name: string, level: number): string {
  const { doc, highlight } = context;
  const indent = level * 2;
  const field = doc.node(parent.properties?.[name] ?? {});
  let text = `${' '.repeat(indent)}${highlight.field(name)}\t<${highlight.type(typeGuess(doc, field))}>`;
  if (parent.required?.includes(name)) text += ' -required-';
  text += extractEnum(field, { longView: false, limit: 4, indent }) + '\n';
  if (!context.recursive) {
    text += indentLines(wordWrap(field.description || '<no description>', 78 - indent), indent + 2) + '\n\n';
  }
  return text;
}

/** The schema's own description followed by those of what it refers to, one per line. */
function description(context: Context, schema: SchemaNode): string {
  const { doc } = context;
  const resolved = doc.resolve(schema.$ref ?? '') ?? doc.node(schema);
  let text = resolved.description ? resolved.description + '\n' : '';
  for (const alternative of doc.allOf(resolved)) text += description(context, alternative);
  if (isSchemaMap(resolved.items)) text += description(context, doc.node(resolved.items));
  if (isSchemaMap(resolved.additionalProperties)) text += description(context, doc.node(resolved.additionalProperties));
  return text;
}

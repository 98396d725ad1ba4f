/**
 * kubectl's legacy explain layout (`--output plaintext-openapiv2`), which reads the OpenAPI v2
 * document through kubectl's older schema model: references, kinds (objects with properties), maps,
 * arrays, primitives and arbitrary values. Text is re-flowed to 80 columns by `legacyWrap`.
 */
import { legacyWrap } from './legacy-wrap.js';
import type { SchemaNode } from './model.js';
import type { Highlight } from './render-plaintext.js';

type Classified =
  | { kind: 'reference'; ref: string }
  | { kind: 'kind' }
  | { kind: 'map'; values: SchemaNode | undefined }
  | { kind: 'array'; items: SchemaNode | undefined }
  | { kind: 'primitive'; type: string }
  | { kind: 'arbitrary' };

type Lookup = (name: string) => SchemaNode | undefined;

/** How kubectl's v2 model reads a schema node. */
function classify(node: SchemaNode): Classified {
  if (node.$ref) return { kind: 'reference', ref: node.$ref };
  if (node.type === undefined) return node.properties ? { kind: 'kind' } : { kind: 'arbitrary' };
  if (node.type === 'object') {
    if (node.properties) return { kind: 'kind' };
    const values = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    return { kind: 'map', values };
  }
  if (node.type === 'array') return { kind: 'array', items: node.items };
  return { kind: 'primitive', type: node.type };
}

/** A map without a value schema holds arbitrary values that share the map's description. */
function arbitraryOf(map: SchemaNode): SchemaNode {
  return map.description === undefined ? {} : { description: map.description };
}

function typeName(node: SchemaNode | undefined, lookup: Lookup, seen: ReadonlySet<string> = new Set()): string {
  if (!node) return '';
  const shape = classify(node);
  switch (shape.kind) {
    case 'reference': {
      if (seen.has(shape.ref)) return '';
      return typeName(lookup(shape.ref), lookup, new Set(seen).add(shape.ref));
    }
    case 'kind':
      return 'Object';
    case 'map':
      return 'map[string]' + typeName(shape.values, lookup, seen);
    case 'array':
      return '[]' + typeName(shape.items, lookup, seen);
    case 'primitive':
      return shape.type;
    case 'arbitrary':
      return '';
  }
}

/** A writer with an indentation level; empty lines are never indented. */
class LegacyWriter {
  text = '';
  line(indent: number, content: string): void {
    this.text += content === '' ? '\n' : ' '.repeat(indent) + content + '\n';
  }
  wrapped(indent: number, content: string): void {
    for (const line of legacyWrap(content, 80 - indent)) this.line(indent, line);
  }
}

export type OpenApiV2Result = { ok: true; text: string } | { ok: false; error: string };

/**
 * Walks the path the way the v2 model does: through references, arrays and maps, stopping early at
 * a primitive or arbitrary value (so `svc.spec.type.foo` shows `type`), failing on a missing field.
 */
function lookupField(root: SchemaNode, path: readonly string[], lookup: Lookup): { node: SchemaNode } | { missing: string } {
  let node: SchemaNode | undefined = root;
  let rest = [...path];
  for (let guard = 0; node && guard < 10_000; guard++) {
    const shape = classify(node);
    if (shape.kind === 'primitive' || shape.kind === 'arbitrary' || rest.length === 0) return { node };
    if (shape.kind === 'reference') node = lookup(shape.ref);
    else if (shape.kind === 'array') node = shape.items;
    else if (shape.kind === 'map') node = shape.values ?? arbitraryOf(node);
    else {
      const [name = '', ...remaining] = rest;
      const field: SchemaNode | undefined = Object.prototype.hasOwnProperty.call(node.properties ?? {}, name)
        ? node.properties?.[name]
        : undefined;
      if (!field) return { missing: name };
      node = field;
      rest = remaining;
    }
  }
  return { node: node ?? {} };
}

export function renderOpenApiV2(
  kindSchema: SchemaNode,
  header: { kind: string; groupVersion: string },
  fieldPath: readonly string[],
  options: { recursive: boolean; lookup: Lookup; highlight: Highlight },
): OpenApiV2Result {
  const { lookup, highlight } = options;
  const found = lookupField(kindSchema, fieldPath, lookup);
  if ('missing' in found) return { ok: false, error: `field "${found.missing}" does not exist` };
  const name = fieldPath[fieldPath.length - 1] ?? '';
  const out = new LegacyWriter();
  const descriptions: string[] = [];
  let type = '';
  let node: SchemaNode | undefined = found.node;
  // Descend through references, arrays and maps, collecting their descriptions, to the described type.
  for (let guard = 0; node && guard < 10_000; guard++) {
    const shape = classify(node);
    if (shape.kind === 'reference' || shape.kind === 'array' || shape.kind === 'map') {
      descriptions.push(node.description ?? '');
      if (shape.kind !== 'reference' && type === '') type = typeName(node, lookup);
      if (shape.kind === 'reference') node = lookup(shape.ref);
      else if (shape.kind === 'array') node = shape.items;
      else node = shape.values ?? arbitraryOf(node);
      continue;
    }
    out.line(0, `KIND:     ${header.kind}`);
    out.line(0, `VERSION:  ${header.groupVersion}\n`);
    if (shape.kind === 'kind') {
      if (name) out.line(0, `RESOURCE: ${highlight.field(name)} <${highlight.type(type || 'Object')}>\n`);
      printDescription(out, descriptions, node.description ?? '');
      out.line(0, '\nFIELDS:');
      printFields(out, node, 3, options);
    } else if (shape.kind === 'primitive') {
      out.line(0, `FIELD:    ${highlight.field(name)} <${highlight.type(type || shape.type)}>\n`);
      printDescription(out, descriptions, node.description ?? '');
    } else {
      printDescription(out, descriptions, node.description ?? '');
    }
    break;
  }
  return { ok: true, text: out.text };
}

function printDescription(out: LegacyWriter, collected: readonly string[], own: string): void {
  out.line(0, 'DESCRIPTION:');
  let empty = true;
  for (const [index, text] of [...collected, own].entries()) {
    if (text === '') continue;
    empty = false;
    // The blank separator depends on the position in the list, not on what was printed before.
    if (index !== 0) out.line(0, '');
    out.wrapped(5, text);
  }
  if (empty) out.wrapped(5, '<empty>');
}

function printFields(
  out: LegacyWriter,
  kind: SchemaNode,
  indent: number,
  options: { recursive: boolean; lookup: Lookup; highlight: Highlight },
  visited: ReadonlySet<string> = new Set(),
): void {
  const { lookup, highlight, recursive } = options;
  const properties = kind.properties ?? {};
  const names = Object.keys(properties).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const field = properties[name] ?? {};
    const type = highlight.type(typeName(field, lookup));
    if (recursive) {
      out.line(indent, `${highlight.field(name)}\t<${type}>`);
      const target = innerKind(field, lookup, visited);
      if (target) printFields(out, target.kind, indent + 3, options, target.visited);
      continue;
    }
    const required = kind.required?.includes(name) ? ' -required-' : '';
    out.line(indent, `${highlight.field(name)}\t<${type}>${required}`);
    out.wrapped(indent + 2, field.description ?? '');
    out.line(0, '');
  }
}

/** The object type below references, arrays and maps, unless a reference repeats along the path. */
function innerKind(
  node: SchemaNode,
  lookup: Lookup,
  visited: ReadonlySet<string>,
): { kind: SchemaNode; visited: ReadonlySet<string> } | undefined {
  let current: SchemaNode | undefined = node;
  let seen = visited;
  while (current) {
    const shape = classify(current);
    if (shape.kind === 'kind') return { kind: current, visited: seen };
    if (shape.kind === 'reference') {
      if (seen.has(shape.ref)) return undefined;
      seen = new Set(seen).add(shape.ref);
      current = lookup(shape.ref);
    } else if (shape.kind === 'array') current = shape.items;
    else if (shape.kind === 'map') current = shape.values;
    else return undefined;
  }
  return undefined;
}

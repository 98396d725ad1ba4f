/** Completion: field names from the schema, accepted values of a field, and the apiVersions and kinds that are served. */
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver/node';
import type { FieldInfo, SchemaFacts } from '../explain/fields.js';
import { fieldPathOf, type CursorContext } from './yaml-context.js';

/** The first sentence of a description, for the one line beside a completion. */
function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  return sentence.length > 120 ? sentence.slice(0, 119) + '…' : sentence;
}

function edit(line: number, start: number, character: number, newText: string) {
  return { range: { start: { line, character: start }, end: { line, character } }, newText };
}

function fieldItem(field: FieldInfo, line: number, start: number, character: number): CompletionItem {
  const detail = `<${field.type}>${field.required ? ' -required-' : ''}`;
  return {
    label: field.name,
    kind: CompletionItemKind.Field,
    detail,
    labelDetails: { detail: ` ${detail}`, description: firstSentence(field.description) },
    documentation: { kind: MarkupKind.Markdown, value: field.description || '<no description>' },
    // Required fields first, then by name.
    sortText: `${field.required ? '0' : '1'}${field.name}`,
    textEdit: edit(line, start, character, `${field.name}: `),
  };
}

/** Values, inserted after `key:` with the space YAML needs when the cursor is right after the colon. */
function valueItems(values: readonly string[], kind: CompletionItemKind, line: number, start: number, character: number, space: boolean): CompletionItem[] {
  return values.map((value, i) => ({ label: value, kind, sortText: String(i).padStart(4, '0'), textEdit: edit(line, start, character, space ? ' ' + value : value) }));
}

export function completionsAt(context: CursorContext, facts: SchemaFacts, line: number, character: number): CompletionItem[] {
  const { place, apiVersion, kind } = context;
  const resource = apiVersion && kind ? facts.resourceFor(apiVersion, kind) : undefined;
  if (place.type === 'new-key') {
    const taken = new Set(place.siblings);
    if (!resource) {
      if (place.parent.length > 0) return [];
      const top = ['apiVersion', 'kind', 'metadata'].filter((k) => !taken.has(k));
      return top.map((name) => ({ label: name, kind: CompletionItemKind.Field, textEdit: edit(line, place.prefixStart, character, `${name}: `) }));
    }
    const fields = facts.fields(resource, fieldPathOf(place.parent)) ?? [];
    return fields.filter((f) => !taken.has(f.name)).map((f) => fieldItem(f, line, place.prefixStart, character));
  }
  if (place.type !== 'value') return [];
  const { path, prefixStart, afterColon } = place;
  if (path.length === 1 && path[0] === 'apiVersion') {
    const versions = kind && facts.apiVersionsOf(kind).length > 0 ? facts.apiVersionsOf(kind) : facts.apiVersions();
    return valueItems(versions, CompletionItemKind.Module, line, prefixStart, character, afterColon);
  }
  if (path.length === 1 && path[0] === 'kind') {
    return apiVersion ? valueItems(facts.kindsOf(apiVersion), CompletionItemKind.Class, line, prefixStart, character, afterColon) : [];
  }
  const field = resource && facts.field(resource, fieldPathOf(path));
  if (!field) return [];
  const values = field.info.values.length > 0 ? field.info.values : field.info.type === 'boolean' ? ['true', 'false'] : [];
  return valueItems(values, CompletionItemKind.EnumMember, line, prefixStart, character, afterColon);
}

/** Hover: a key's text as kubectl explain lists it; on `apiVersion` or `kind`, the kind and the versions that serve it. */
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { SchemaFacts } from '../explain/fields.js';
import { fieldPathOf, type CursorContext } from './yaml-context.js';

function fence(text: string): string {
  return '```text\n' + text.replace(/\n+$/, '') + '\n```';
}

/** The kind's description and its served versions, saying so when the document's apiVersion is not one of them. */
function kindHover(facts: SchemaFacts, kubernetesVersion: string, kind: string, apiVersion: string | undefined): string | undefined {
  const versions = facts.apiVersionsOf(kind);
  if (versions.length === 0) return undefined;
  const resource = facts.resourceFor(apiVersion && versions.includes(apiVersion) ? apiVersion : versions[0]!, kind);
  if (!resource) return undefined;
  const served = versions.map((v) => `\`${v}\``).join(', ');
  const lines = [`**${kind}** (Kubernetes ${kubernetesVersion})`, '', facts.kindDescription(resource) || '<no description>', '', `Served as: ${served}`];
  if (apiVersion && !versions.includes(apiVersion)) lines.push('', `\`${apiVersion}\` does not serve ${kind}.`);
  return lines.join('\n');
}

export function hoverAt(context: CursorContext, facts: SchemaFacts, kubernetesVersion: string, line: number): Hover | undefined {
  const { place, apiVersion, kind } = context;
  if (place.type === 'new-key') return undefined;
  const path = place.path;
  const range =
    place.type === 'key'
      ? { start: { line, character: place.start }, end: { line, character: place.end } }
      : undefined;
  if (path.length === 1 && (path[0] === 'apiVersion' || path[0] === 'kind')) {
    if (!kind) return undefined;
    const text = kindHover(facts, kubernetesVersion, kind, apiVersion);
    return text ? { contents: { kind: MarkupKind.Markdown, value: text }, ...(range ? { range } : {}) } : undefined;
  }
  if (place.type !== 'key' || !apiVersion || !kind) return undefined;
  const resource = facts.resourceFor(apiVersion, kind);
  const fields = fieldPathOf(path);
  const field = resource && facts.field(resource, fields);
  if (!field) return undefined;
  const title = `**${kind}.${fields.join('.')}** (\`${apiVersion}\`)`;
  return { contents: { kind: MarkupKind.Markdown, value: `${title}\n\n${fence(field.text)}` }, ...(range ? { range } : {}) };
}

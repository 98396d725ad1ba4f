import { describe, expect, it } from 'vitest';
import { SchemaFacts } from '../src/explain/fields.js';
import { loadExplainApi } from '../src/explain/source.js';
import { completionsAt } from '../src/lsp/completion.js';
import { hoverAt } from '../src/lsp/hover.js';
import { cursorContext } from '../src/lsp/yaml-context.js';

const facts = new SchemaFacts(loadExplainApi('1.36'));

/** Hover and completion at the `‸` of a text. */
function at(marked: string) {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const lines = text.slice(0, offset).split('\n');
  const line = lines.length - 1;
  const character = lines[line]!.length;
  const context = cursorContext(text, line, character)!;
  const hover = hoverAt(context, facts, '1.36', line);
  return {
    hover: hover ? (hover.contents as { value: string }).value : undefined,
    labels: completionsAt(context, facts, line, character).map((i) => i.label),
  };
}

describe('hover', () => {
  it('says when the apiVersion does not serve the kind, and which versions do', () => {
    const { hover } = at('apiVersion: extensions/v1beta1\nkind: Deploy‸ment\n');
    expect(hover).toContain('**Deployment** (Kubernetes 1.36)');
    expect(hover).toContain('Served as: `apps/v1`');
    expect(hover).toContain('`extensions/v1beta1` does not serve Deployment.');
    expect(at('apiVersion: v1\nkind: Nothing‸\n').hover).toBeUndefined();
  });

  it('shows required fields as kubectl marks them, and nothing for unknown fields', () => {
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - na‸me: app\n').hover).toContain('name\t<string> -required-');
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  contianers‸: []\n').hover).toBeUndefined();
    expect(at('kind: Pod\nspec:\n  contain‸ers: []\n').hover).toBeUndefined(); // no apiVersion: no schema
  });
});

describe('completion', () => {
  it('puts the space YAML needs between a colon and the value', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy:\n';
    const context = cursorContext(text, 3, 16)!;
    expect(completionsAt(context, facts, 3, 16).map((i) => i.textEdit)).toContainEqual({ range: { start: { line: 3, character: 16 }, end: { line: 3, character: 16 } }, newText: ' Always' });
  });

  it('offers kinds for the apiVersion, and top-level keys before there is a kind', () => {
    expect(at('apiVersion: batch/v1\nkind: ‸\n').labels).toEqual(['CronJob', 'Job']);
    expect(at('apiVersion: v1\n‸').labels).toEqual(['kind', 'metadata']);
  });

  it('offers values of enum fields inside lists, and true/false for booleans', () => {
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      imagePullPolicy: ‸\n').labels).toEqual(['Always', 'IfNotPresent', 'Never']);
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: ‸\n').labels).toEqual(['true', 'false']);
    expect(at('apiVersion: v1\nkind: Pod\nspec:\n  nodeName: ‸\n').labels).toEqual([]);
  });

  it('offers the fields of a list item and not those already there', () => {
    const labels = at('apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          ‸\n').labels;
    expect(labels).toEqual(expect.arrayContaining(['image', 'ports', 'resources']));
    expect(labels).not.toContain('name');
  });
});

import { isObject } from '../parse/resources.js';
import { defineRule } from './define-rule.js';

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `the ${typeof value} ${String(value)}`;
}

export default defineRule({
  id: 'required-fields',
  description: 'Require apiVersion, kind and metadata.name (or generateName) in every manifest',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  messages: {
    notObject: 'this document is {{what}}, not a Kubernetes object (a mapping with apiVersion, kind and metadata)',
    missing: 'missing required field "{{field}}"',
    empty: 'required field "{{field}}" is empty',
    notString: '"{{field}}" must be a string',
    missingName: 'missing metadata.name (or metadata.generateName)',
    missingMetadata: 'missing metadata with a name',
  },
  *check(resource, ctx) {
    const obj = resource.object;
    if (!isObject(obj)) {
      yield { path: [], on: 'value', messageId: 'notObject', data: { what: describeValue(obj) } };
      return;
    }
    for (const field of ['apiVersion', 'kind'] as const) {
      const value = obj[field];
      if (!(field in obj)) {
        yield { path: [], on: 'key', messageId: 'missing', data: { field } };
      } else if (value === null || value === '') {
        yield { path: [field], on: 'key', messageId: 'empty', data: { field } };
      } else if (typeof value !== 'string') {
        yield { path: [field], on: 'value', messageId: 'notString', data: { field } };
      }
    }
    // Without apiVersion and kind it is not recognisably an object at all: two findings say enough.
    const named = (field: 'apiVersion' | 'kind') => typeof obj[field] === 'string' && obj[field] !== '';
    if (!named('apiVersion') && !named('kind')) return;
    // A name is what the API server requires of its objects; a kind nobody gave a schema for may
    // be anything (a tool's own file format), so apiVersion and kind are all it is asked for.
    if (ctx.kindKnown === false && named('apiVersion') && named('kind')) return;
    const meta = obj.metadata;
    if (meta === undefined || meta === null) {
      yield { path: meta === null ? ['metadata'] : [], on: 'key', messageId: 'missingMetadata' };
      return;
    }
    if (!isObject(meta)) return; // a wrong type is the schema check's to report
    const name = meta.name;
    const generateName = meta.generateName;
    const hasName = typeof name === 'string' && name !== '';
    const hasGenerate = typeof generateName === 'string' && generateName !== '';
    // A name of another type (`name: y` is YAML 1.1's boolean true) is the schema check's to report.
    const wrongType = name !== undefined && name !== null && typeof name !== 'string';
    if (!hasName && !hasGenerate && !wrongType) yield { path: ['metadata'], on: 'key', messageId: 'missingName' };
  },
});

import { isBuiltinGroup, splitApiVersion } from '../k8s/api-version.js';
import { NAME_MAX_LENGTH, NAME_SYNTAX } from '../k8s/name-rules.js';
import { generateNamePrefix, NAME_VALIDATORS, type NameSyntax } from '../k8s/names.js';
import { asObject } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

const SYNTAX_NAMES: Record<NameSyntax, string> = {
  dns1123Subdomain: 'a DNS-1123 subdomain',
  dns1123Label: 'a DNS-1123 label',
  dns1035Label: 'a DNS-1035 label',
  pathSegment: 'a path segment',
};

export default defineRule<'invalid' | 'tooLong'>({
  id: 'metadata-name',
  description: 'Require metadata.name (and generateName) to have the syntax the API server requires for the kind',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: Object.keys(NAME_SYNTAX),
  messages: {
    invalid: '{{field}} "{{name}}" is not a valid {{kind}} name: {{kind}} names must be {{syntax}}, and this one {{reason}}',
    tooLong: '{{kind}} name "{{name}}" is {{length}} characters long; at most {{max}} are allowed because {{why}}',
  },
  *check(resource) {
    const kind = resource.kind!;
    if (!resource.apiVersion || !isBuiltinGroup(splitApiVersion(resource.apiVersion).group)) return;
    const syntax = NAME_SYNTAX[kind]!;
    const meta = asObject(asObject(resource.object)?.metadata);
    if (!meta) return;
    for (const field of ['name', 'generateName'] as const) {
      const value = meta[field];
      if (typeof value !== 'string' || value === '') continue;
      const checked = field === 'generateName' ? generateNamePrefix(value) : value;
      const reason = NAME_VALIDATORS[syntax](checked);
      if (reason) {
        yield {
          path: ['metadata', field],
          on: 'value',
          messageId: 'invalid',
          data: { field: `metadata.${field}`, name: value, kind, syntax: SYNTAX_NAMES[syntax], reason },
          ...(syntax !== 'pathSegment' && /[A-Z_]/.test(value) ? { hint: 'names are lower case; use "-" instead of "_"' } : {}),
        };
        continue;
      }
      const limit = NAME_MAX_LENGTH[kind];
      if (field === 'name' && limit && value.length > limit.max) {
        yield { path: ['metadata', field], on: 'value', messageId: 'tooLong', data: { kind, name: value, length: value.length, max: limit.max, why: limit.why } };
      }
    }
  },
});

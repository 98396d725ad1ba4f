import { policyRulesOf } from '../k8s/security.js';
import { defineRule } from './define-rule.js';

export default defineRule<'wildcard'>({
  id: 'rbac-wildcard',
  description: 'Warn about Role and ClusterRole rules that use "*" for API groups, resources or verbs',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: ['Role', 'ClusterRole'],
  messages: { wildcard: 'rule grants "*" {{list}}: it covers every {{what}}, including ones added later' },
  *check(resource) {
    if (!resource.apiVersion?.startsWith('rbac.authorization.k8s.io/')) return;
    for (const rule of policyRulesOf(resource.object)) {
      for (const [list, what] of [['apiGroups', 'API group'], ['resources', 'resource'], ['verbs', 'verb']] as const) {
        const i = rule[list].indexOf('*');
        if (i < 0) continue;
        yield { path: rule.itemPath(list, i), on: 'value', messageId: 'wildcard', data: { list, what }, hint: `list the ${list} the subject needs` };
      }
    }
  },
});

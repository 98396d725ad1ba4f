import { policyRulesOf } from '../k8s/security.js';
import { defineRule } from './define-rule.js';

const READ = ['get', 'list', 'watch', '*'];
const CORE = (groups: string[]) => groups.includes('') || groups.includes('*');

export default defineRule<'readsSecrets' | 'createsPods'>({
  id: 'rbac-sensitive-access',
  description: 'Warn about Role and ClusterRole rules that let their subjects read Secrets or create Pods',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: ['Role', 'ClusterRole'],
  messages: {
    readsSecrets: 'rule lets its subjects {{verb}} Secrets: every credential in {{scope}}',
    createsPods: 'rule lets its subjects create Pods: any service account and any Secret in {{scope}} can be mounted into one',
  },
  *check(resource) {
    if (!resource.apiVersion?.startsWith('rbac.authorization.k8s.io/')) return;
    const scope = resource.kind === 'ClusterRole' ? 'the cluster (when bound by a ClusterRoleBinding)' : 'the namespace';
    for (const rule of policyRulesOf(resource.object)) {
      if (!CORE(rule.apiGroups)) continue;
      const secrets = rule.resources.findIndex((r) => r === 'secrets' || r === '*');
      const read = rule.verbs.findIndex((v) => READ.includes(v));
      if (secrets >= 0 && read >= 0) {
        yield { path: rule.itemPath('resources', secrets), on: 'value', messageId: 'readsSecrets', data: { verb: rule.verbs[read]!, scope }, hint: 'grant get on the named Secrets the subject needs (resourceNames), or none' };
      }
      const pods = rule.resources.findIndex((r) => r === 'pods' || r === '*');
      const create = rule.verbs.findIndex((v) => v === 'create' || v === '*');
      if (pods >= 0 && create >= 0) {
        yield { path: rule.itemPath('resources', pods), on: 'value', messageId: 'createsPods', data: { scope }, hint: 'let a controller (a Deployment, a Job) create the pods instead, and grant the subject only that' };
      }
    }
  },
});

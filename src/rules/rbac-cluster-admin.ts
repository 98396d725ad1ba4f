import { asObject } from '../k8s/values.js';
import { defineRule } from './define-rule.js';

export default defineRule<'clusterAdmin'>({
  id: 'rbac-cluster-admin',
  description: 'Warn about RoleBindings and ClusterRoleBindings to the cluster-admin ClusterRole',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: ['RoleBinding', 'ClusterRoleBinding'],
  messages: { clusterAdmin: '{{kind}} grants cluster-admin{{scope}}' },
  *check(resource) {
    if (!resource.apiVersion?.startsWith('rbac.authorization.k8s.io/')) return;
    const roleRef = asObject(asObject(resource.object)?.roleRef);
    if (!roleRef || roleRef.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') return;
    const kind = resource.kind!;
    yield {
      path: ['roleRef', 'name'],
      on: 'value',
      messageId: 'clusterAdmin',
      data: { kind, scope: kind === 'ClusterRoleBinding' ? ': every action on every resource in every namespace' : ': every action on every resource in its namespace' },
      hint: 'bind a role that lists what the subjects need',
    };
  },
});

import { versionAtLeast } from '../k8s/api-version.js';
import { deprecatedApiOf } from '../k8s/deprecated-apis.js';
import { defineRule } from './define-rule.js';
import { migrationFix } from './deprecated-api-fix.js';

export default defineRule<'removed' | 'removedNoSuccessor' | 'deprecated' | 'deprecatedNoSuccessor'>({
  id: 'deprecated-api',
  description: 'Report built-in API versions that are deprecated (warning) or no longer served (error) in the target Kubernetes version',
  severity: 'error',
  recommended: true,
  category: 'deprecation',
  // A removed version is also one the schema stage finds unserved; this rule names the replacement.
  supersedes: ['unknown-api'],
  messages: {
    removed: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}}; use {{replacement}}',
    removedNoSuccessor: '{{apiVersion}} {{kind}} was removed in Kubernetes {{removedIn}}; {{replacement}}',
    deprecated: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{deprecatedIn}} and is removed in {{removedIn}}; use {{replacement}}',
    deprecatedNoSuccessor: '{{apiVersion}} {{kind}} is deprecated since Kubernetes {{deprecatedIn}} and is removed in {{removedIn}}; {{replacement}}',
  },
  *check(resource, ctx) {
    if (!resource.apiVersion || !resource.kind) return;
    const entry = deprecatedApiOf(resource.apiVersion, resource.kind);
    if (!entry) return;
    const data = { ...entry, noDirectReplacement: undefined };
    const prose = entry.noDirectReplacement === true;
    const migrated = prose ? undefined : migrationFix(resource.object, resource.kind, resource.apiVersion, entry.replacement, ctx.edit);
    const fix = migrated ? { fix: migrated } : {};
    if (versionAtLeast(ctx.kubernetesVersion, entry.removedIn)) {
      yield { path: ['apiVersion'], on: 'value', messageId: prose ? 'removedNoSuccessor' : 'removed', data, ...fix };
    } else if (versionAtLeast(ctx.kubernetesVersion, entry.deprecatedIn)) {
      yield { path: ['apiVersion'], on: 'value', messageId: prose ? 'deprecatedNoSuccessor' : 'deprecated', data, severity: 'warning', ...fix };
    }
  },
});

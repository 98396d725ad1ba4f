import { versionAtLeast } from '../k8s/api-version.js';
import { deprecatedApiOf, replacementAt, servedIn } from '../k8s/deprecated-apis.js';
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
    const data = { apiVersion: entry.apiVersion, kind: entry.kind, deprecatedIn: entry.deprecatedIn, removedIn: entry.removedIn, replacement: replacementAt(entry, ctx.kubernetesVersion) };
    const prose = entry.noDirectReplacement === true;
    // A bundled version answers from its catalog; any other from the table's releases. A kind not
    // served yet (resource.k8s.io/v1alpha2 ResourceSlice before 1.30) is unknown-api's to report.
    const removed = versionAtLeast(ctx.kubernetesVersion, entry.removedIn);
    const served = servedIn(entry.apiVersion, entry.kind, ctx.kubernetesVersion) ?? !removed;
    if (!served && !removed) return;
    if (served && !versionAtLeast(ctx.kubernetesVersion, entry.deprecatedIn)) return;
    const migrated = prose ? undefined : migrationFix(resource.object, resource.kind, resource.apiVersion, data.replacement, ctx.edit);
    const fix = migrated ? { fix: migrated } : {};
    if (!served) {
      yield { path: ['apiVersion'], on: 'value', messageId: prose ? 'removedNoSuccessor' : 'removed', data, ...fix };
    } else {
      yield { path: ['apiVersion'], on: 'value', messageId: prose ? 'deprecatedNoSuccessor' : 'deprecated', data, severity: 'warning', ...fix };
    }
  },
});

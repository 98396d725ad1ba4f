import { isBuiltinKind, splitApiVersion } from '../k8s/api-version.js';
import { describeRequirement, labelMapOf, labelSelectorRequirements, mapRequirements, requirementMatches, type Requirement } from '../k8s/selectors.js';
import { asArray, asObject } from '../k8s/values.js';
import { podMetadataOf, podTemplateOf } from '../k8s/workloads.js';
import type { JsonObject } from '../types.js';
import { defineRule } from './define-rule.js';

const KINDS = ['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'StatefulSet'] as const;

/** Why a requirement fails on the template labels, in words. */
function reason(req: Requirement, labels: Record<string, string>): string {
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  if (!has) return `has no label "${req.key}"`;
  return `has ${req.key}=${labels[req.key]}`;
}

function isEmptySelector(selector: JsonObject): boolean {
  const labels = asObject(selector.matchLabels);
  const exprs = asArray(selector.matchExpressions);
  return (!labels || Object.keys(labels).length === 0) && (!exprs || exprs.length === 0);
}

export default defineRule<'mismatch' | 'empty'>({
  id: 'workload-selector',
  description: "Require a workload's selector to select its own pod template's labels",
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: KINDS,
  messages: {
    mismatch: 'selector requires {{requirement}} but the pod template {{actual}}',
    empty: 'empty selector: {{kind}} in {{apiVersion}} must select its pods by at least one label',
  },
  *check(resource) {
    const kind = resource.kind!;
    if (!isBuiltinKind(resource, kind)) return;
    const spec = asObject(asObject(resource.object)?.spec);
    if (!spec || spec.selector === undefined || spec.selector === null) return; // defaulted from the template, or the schema's to require
    // Without a template (a `templates:` typo) there are no labels to compare: the schema check reports the missing field.
    if (!podTemplateOf(resource)) return;
    let reqs: Requirement[];
    if (kind === 'ReplicationController') {
      reqs = mapRequirements(spec.selector, ['spec', 'selector']);
    } else {
      const selector = asObject(spec.selector);
      if (!selector) return;
      if (isEmptySelector(selector)) {
        // apps/v1 made the selector required and immutable; an empty one would select every pod in the namespace.
        if (splitApiVersion(resource.apiVersion!).group === 'apps') {
          yield { path: ['spec', 'selector'], on: 'key', messageId: 'empty', data: { kind, apiVersion: resource.apiVersion } };
        }
        return;
      }
      reqs = labelSelectorRequirements(selector, ['spec', 'selector']);
    }
    const labels = labelMapOf(podMetadataOf(resource)?.value.labels) ?? {};
    for (const req of reqs) {
      if (requirementMatches(req, labels)) continue;
      const has = Object.prototype.hasOwnProperty.call(labels, req.key);
      yield {
        path: req.path,
        on: req.fromMap && !has ? 'key' : 'value',
        messageId: 'mismatch',
        data: { requirement: describeRequirement(req), actual: reason(req, labels) },
        hint: `the API server rejects a ${kind} whose selector does not match its template's labels; make spec.template.metadata.labels satisfy spec.selector`,
      };
    }
  },
});

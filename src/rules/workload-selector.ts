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

/**
 * When one label is all that differs, both ways to make them agree, spelt out. Neither is applied
 * by --fix: which side holds the typo is the author's knowledge, and an apps/v1 workload's
 * selector cannot change once the object exists.
 */
function oneLabelHint(kind: string, req: Requirement, labels: Record<string, string>): string {
  const base = `the API server rejects a ${kind} whose selector does not match its template's labels`;
  const wanted = req.values[0];
  if (!req.fromMap || req.operator !== 'In' || req.values.length !== 1 || wanted === undefined) return `${base}; make spec.template.metadata.labels satisfy spec.selector`;
  const where = kind === 'ReplicationController' ? 'spec.selector' : 'spec.selector.matchLabels';
  const has = Object.prototype.hasOwnProperty.call(labels, req.key);
  return has
    ? `${base}; only this label differs: set ${where} ${req.key} to "${labels[req.key]}", or the template's label ${req.key} to "${wanted}" (not fixed automatically: which one is meant is yours to say)`
    : `${base}; only this label differs: add ${req.key}: "${wanted}" to spec.template.metadata.labels, or drop ${req.key} from ${where} (not fixed automatically: which one is meant is yours to say)`;
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
    const failing = reqs.filter((req) => !requirementMatches(req, labels));
    for (const req of failing) {
      const has = Object.prototype.hasOwnProperty.call(labels, req.key);
      yield {
        path: req.path,
        on: req.fromMap && !has ? 'key' : 'value',
        messageId: 'mismatch',
        data: { requirement: describeRequirement(req), actual: reason(req, labels) },
        hint: failing.length === 1 ? oneLabelHint(kind, req, labels) : `the API server rejects a ${kind} whose selector does not match its template's labels; make spec.template.metadata.labels satisfy spec.selector`,
      };
    }
  },
});

import { isBuiltinGroup, splitApiVersion } from '../k8s/api-version.js';
import { labelValue, qualifiedName } from '../k8s/names.js';
import { asArray, asObject, scalarText } from '../k8s/values.js';
import { podMetadataOf } from '../k8s/workloads.js';
import type { JsonObject, Path } from '../types.js';
import { defineRule } from './define-rule.js';

type Message = 'badKey' | 'badValue' | 'badAnnotationKey';

interface Report {
  path: Path;
  on: 'key' | 'value';
  messageId: Message;
  data: Record<string, string>;
}

function* labelMap(value: unknown, path: Path, what: string): Generator<Report> {
  const map = asObject(value);
  if (!map) return;
  for (const [key, v] of Object.entries(map)) {
    const badKey = qualifiedName(key);
    if (badKey) yield { path: [...path, key], on: 'key', messageId: 'badKey', data: { what, key, reason: badKey } };
    const text = scalarText(v);
    const badValue = text === undefined ? undefined : labelValue(text);
    if (badValue) yield { path: [...path, key], on: 'value', messageId: 'badValue', data: { what, key, value: text!, reason: badValue } };
  }
}

function* annotationKeys(value: unknown, path: Path): Generator<Report> {
  const map = asObject(value);
  if (!map) return;
  for (const key of Object.keys(map)) {
    const bad = qualifiedName(key);
    if (bad) yield { path: [...path, key], on: 'key', messageId: 'badAnnotationKey', data: { key, reason: bad } };
  }
}

function* metadata(meta: JsonObject | undefined, path: Path): Generator<Report> {
  if (!meta) return;
  yield* labelMap(meta.labels, [...path, 'labels'], 'label');
  yield* annotationKeys(meta.annotations, [...path, 'annotations']);
}

/** Selector keys are label keys and selector values label values, wherever a selector is written. */
function* selectors(spec: JsonObject | undefined, kind: string): Generator<Report> {
  if (!spec) return;
  const path: Path = ['spec', 'selector'];
  if (kind === 'Service' || kind === 'ReplicationController') {
    yield* labelMap(spec.selector, path, 'selector');
    return;
  }
  const selector = asObject(spec.selector);
  if (!selector) return;
  yield* labelMap(selector.matchLabels, [...path, 'matchLabels'], 'selector');
  for (const [i, item] of (asArray(selector.matchExpressions) ?? []).entries()) {
    const expr = asObject(item);
    if (!expr) continue;
    const key = expr.key;
    const bad = typeof key === 'string' ? qualifiedName(key) : undefined;
    if (bad) yield { path: [...path, 'matchExpressions', i, 'key'], on: 'value', messageId: 'badKey', data: { what: 'selector', key: key as string, reason: bad } };
    for (const [j, v] of (asArray(expr.values) ?? []).entries()) {
      const text = scalarText(v);
      const badValue = text === undefined ? undefined : labelValue(text);
      if (badValue && typeof key === 'string') {
        yield { path: [...path, 'matchExpressions', i, 'values', j], on: 'value', messageId: 'badValue', data: { what: 'selector', key, value: text!, reason: badValue } };
      }
    }
  }
}

const SELECTOR_KINDS = ['DaemonSet', 'Deployment', 'Job', 'ReplicaSet', 'ReplicationController', 'Service', 'StatefulSet'];

export default defineRule<Message>({
  id: 'label-syntax',
  description: 'Require label keys and values, selector entries and annotation keys to have valid Kubernetes syntax',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  messages: {
    badKey: '{{what}} key "{{key}}" is invalid: it {{reason}}',
    badValue: '{{what}} value "{{value}}" of "{{key}}" is invalid: it {{reason}}',
    badAnnotationKey: 'annotation key "{{key}}" is invalid: it {{reason}}',
  },
  *check(resource) {
    const obj = asObject(resource.object);
    if (!obj) return;
    yield* metadata(asObject(obj.metadata), ['metadata']);
    // Custom resources may use `selector` and `template` with meanings of their own.
    if (!resource.kind || !resource.apiVersion || !isBuiltinGroup(splitApiVersion(resource.apiVersion).group)) return;
    const template = podMetadataOf(resource);
    if (template && resource.kind !== 'Pod') yield* metadata(template.value, template.path);
    if (SELECTOR_KINDS.includes(resource.kind)) yield* selectors(asObject(obj.spec), resource.kind);
  },
});

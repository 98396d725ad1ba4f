/**
 * Mechanical migrations of removed API versions, as text edits that keep the rest of the file:
 * the apiVersion, plus the few shape changes the new version requires (a workload's selector,
 * an Ingress's backends and path types). A migration that would need a guess (no template labels
 * to select, an empty PodDisruptionBudget selector whose meaning changed, a backend written in a
 * shape the edit does not know) offers no fix.
 */
import type { YamlEditor } from '../parse/yaml-edit.js';
import type { Fix, JsonValue, Path, TextEdit } from '../types.js';

type Obj = { [key: string]: JsonValue };

function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const WORKLOAD_KINDS = new Set(['Deployment', 'DaemonSet', 'ReplicaSet']);
const WORKLOAD_VERSIONS = new Set(['extensions/v1beta1', 'apps/v1beta1', 'apps/v1beta2']);
const INGRESS_VERSIONS = new Set(['extensions/v1beta1', 'networking.k8s.io/v1beta1']);

/** `spec.selector` from the template's labels, inserted before `template`, when the selector is missing. */
function selectorEdits(object: Obj, edit: YamlEditor): TextEdit[] | undefined {
  const spec = object.spec;
  if (!isObj(spec)) return undefined;
  if (spec.selector !== undefined) return [];
  const labels = isObj(spec.template) && isObj(spec.template.metadata) ? spec.template.metadata.labels : undefined;
  if (!isObj(labels) || Object.keys(labels).length === 0) return undefined;
  const at: Path = ['spec', 'template', 'metadata', 'labels'];
  const step = ' '.repeat(edit.indentStep(['spec']));
  const lines = ['selector:', `${step}matchLabels:`];
  for (const key of Object.keys(labels)) {
    const k = edit.range([...at, key], 'key');
    const v = edit.valueText([...at, key]);
    if (!k || v === undefined) return undefined;
    lines.push(`${step}${step}${edit.text.slice(k[0], k[1])}: ${v}`);
  }
  const insert = edit.insertBeforeKey(['spec', 'template'], lines);
  return insert ? [insert] : undefined;
}

/** `{serviceName, servicePort}` → `{service: {name, port: {number|name}}}`, in block or flow style. */
function backendEdits(backend: unknown, path: Path, edit: YamlEditor): TextEdit[] | undefined {
  if (!isObj(backend)) return undefined;
  if (backend.serviceName === undefined && backend.servicePort === undefined) return backend.resource !== undefined ? [] : undefined;
  const name = edit.valueText([...path, 'serviceName']);
  const port = edit.valueText([...path, 'servicePort']);
  if (name === undefined || port === undefined) return undefined;
  const portKey = typeof backend.servicePort === 'number' ? 'number' : 'name';
  const value = edit.range(path, 'value');
  if (!value) return undefined;
  if (edit.text[value[0]] === '{') {
    if (Object.keys(backend).length !== 2) return undefined;
    return [{ start: value[0], end: value[1], text: `{service: {name: ${name}, port: {${portKey}: ${port}}}}` }];
  }
  const first = edit.pairLine([...path, 'serviceName']);
  const second = edit.pairLine([...path, 'servicePort']);
  if (!first || !second) return undefined;
  const indent = edit.lineOf(edit.range([...path, 'serviceName'], 'key')![0]).indent;
  if (indent === undefined) return undefined;
  const pad = ' '.repeat(indent);
  const step = ' '.repeat(edit.indentStep(path));
  const nl = edit.newline;
  const tail = (comment: string) => (comment ? ` ${comment}` : '');
  const block =
    `${pad}service:${nl}` +
    `${pad}${step}name: ${name}${tail(first.comment)}${nl}` +
    `${pad}${step}port:${nl}` +
    `${pad}${step}${step}${portKey}: ${port}${tail(second.comment)}${nl}`;
  const [a, b] = first.start < second.start ? [first, second] : [second, first];
  return [
    { start: a.start, end: a.end, text: a === first ? block : '' },
    { start: b.start, end: b.end, text: b === first ? block : '' },
  ];
}

/** `pathType: ImplementationSpecific` (what v1beta1 meant by no path type) on a path that has none. */
function pathTypeEdit(item: Obj, path: Path, edit: YamlEditor): TextEdit[] | undefined {
  if (item.pathType !== undefined) return [];
  const value = edit.range(path, 'value');
  if (!value) return undefined;
  const keys = Object.keys(item);
  if (edit.text[value[0]] === '{') {
    const key = edit.range([...path, keys[0]!], 'key');
    return key ? [{ start: key[0], end: key[0], text: 'pathType: ImplementationSpecific, ' }] : undefined;
  }
  for (const key of keys) {
    const insert = edit.insertBeforeKey([...path, key], ['pathType: ImplementationSpecific']);
    if (insert) return [insert];
  }
  return undefined;
}

function ingressEdits(object: Obj, edit: YamlEditor): TextEdit[] | undefined {
  const spec = object.spec;
  if (!isObj(spec)) return [];
  const out: TextEdit[] = [];
  const add = (edits: TextEdit[] | undefined): boolean => (edits ? (out.push(...edits), true) : false);
  if (spec.backend !== undefined) {
    const rename = edit.replaceScalar(['spec', 'backend'], 'key', 'backend', 'defaultBackend');
    if (!rename || spec.defaultBackend !== undefined || !add(backendEdits(spec.backend, ['spec', 'backend'], edit))) return undefined;
    out.push(rename);
  }
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    const paths = isObj(rule) && isObj(rule.http) && Array.isArray(rule.http.paths) ? rule.http.paths : [];
    for (let j = 0; j < paths.length; j++) {
      const item = paths[j];
      const at: Path = ['spec', 'rules', i, 'http', 'paths', j];
      if (!isObj(item)) return undefined;
      if (!add(backendEdits(item.backend, [...at, 'backend'], edit))) return undefined;
      if (!add(pathTypeEdit(item, at, edit))) return undefined;
    }
  }
  return out;
}

/** The edits that move `object` from `from` to `to`, or undefined when there is no safe migration. */
export function migrationFix(object: JsonValue, kind: string, from: string, to: string, edit: YamlEditor | undefined): Fix | undefined {
  if (!edit || !isObj(object)) return undefined;
  let extra: TextEdit[] | undefined;
  if (WORKLOAD_KINDS.has(kind) && WORKLOAD_VERSIONS.has(from) && to === 'apps/v1') extra = selectorEdits(object, edit);
  else if (kind === 'Ingress' && INGRESS_VERSIONS.has(from) && to === 'networking.k8s.io/v1') extra = ingressEdits(object, edit);
  else if (kind === 'CronJob' && from === 'batch/v1beta1' && to === 'batch/v1') extra = [];
  else if (kind === 'PodDisruptionBudget' && from === 'policy/v1beta1' && to === 'policy/v1') {
    // An empty selector selected no pods in v1beta1 and selects every pod of the namespace in v1.
    const spec = isObj(object.spec) ? object.spec : undefined;
    extra = spec && isObj(spec.selector) && Object.keys(spec.selector).length === 0 ? undefined : [];
  }
  // In JSON only the apiVersion string may change: the other edits write YAML.
  if (!extra || (edit.json && extra.length > 0)) return undefined;
  const version = edit.replaceScalar(['apiVersion'], 'value', from, to);
  return version ? { edits: [version, ...extra] } : undefined;
}

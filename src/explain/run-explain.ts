/**
 * `k8s-lint explain`: kubectl explain without a cluster. Pure: returns what to print and the exit
 * code. Output and error lines match kubectl's byte for byte; our own additions (hints) come on
 * separate stderr lines after kubectl's.
 */
import type { JsonValue } from '../types.js';
import { colors } from '../format/colors.js';
import { fieldPathHint } from './field-hints.js';
import { groupVersionString } from './model.js';
import { renderOpenApiV2 } from './render-openapiv2.js';
import { plaintextHeader, renderPlaintextBody, type Highlight } from './render-plaintext.js';
import { resolveResource, resolveResourceWithGroupPrefix, type MappedResource } from './resolve-resource.js';
import type { Discovery } from './discovery.js';
import { loadExplainApi, withCatalogCrds, type ExplainApi } from './source.js';
import { resourceHint } from './resource-hints.js';
import { V3Document } from './v3-view.js';

export const EXPLAIN_OUTPUTS = ['plaintext', 'plaintext-openapiv2'] as const;
export type ExplainOutput = (typeof EXPLAIN_OUTPUTS)[number];

export interface ExplainArgs {
  /** `TYPE[.FIELD...]`, e.g. `svc.spec.ports` or `ingresses.networking.k8s.io.spec`. */
  target: string;
  recursive?: boolean;
  /** `group/version` to explain instead of the preferred version. */
  apiVersion?: string;
  kubernetesVersion?: string;
  output?: ExplainOutput;
  /** CustomResourceDefinition objects whose kinds become explainable. */
  crds?: JsonValue[];
  /** A resource neither the catalog nor `crds` has is looked up in the bundled CRD catalog (default true). */
  crdCatalog?: boolean;
  color?: boolean;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const usage = (message: string): CommandResult => ({ stdout: '', stderr: `error: ${message}\n`, exitCode: 2 });

export function runExplain(args: ExplainArgs, api?: ExplainApi): CommandResult {
  const output = args.output ?? 'plaintext';
  if (!(EXPLAIN_OUTPUTS as readonly string[]).includes(output)) {
    return usage(`invalid output format "${output}"; use one of: ${EXPLAIN_OUTPUTS.join(', ')}`);
  }
  if (!args.target) {
    return usage('you must specify the type of resource to explain. Use "k8s-lint api-resources" for a complete list of supported resources.');
  }
  let resolvedApi: ExplainApi;
  try {
    resolvedApi = api ?? loadExplainApi(args.kubernetesVersion, args.crds);
    if (api === undefined && args.crdCatalog !== false && !resolves(resolvedApi, args)) {
      const crds = withCatalogCrds(args.crds ?? [], args.target);
      if (crds.length > (args.crds ?? []).length) resolvedApi = loadExplainApi(args.kubernetesVersion, crds);
    }
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  return explainWith(resolvedApi, args, output);
}

function resolves(api: ExplainApi, args: ExplainArgs): boolean {
  return (args.apiVersion ? resolveResource(api.discovery, args.target) : resolveResourceWithGroupPrefix(api.discovery, args.target)).ok;
}

function highlighter(color: boolean | undefined): Highlight {
  if (!color) return { field: (s) => s, type: (s) => s };
  const c = colors(true);
  return { field: (s) => c.bold(s), type: (s) => c.cyan(s) };
}

/** `apps/v1` → {apps, v1}; `v1` → core; more than one slash is an error, as in kubectl. */
function parseGroupVersion(text: string): { group: string; version: string } | undefined {
  if (text === '' || text === '/') return { group: '', version: '' };
  const parts = text.split('/');
  if (parts.length > 2) return undefined;
  return parts.length === 1 ? { group: '', version: text } : { group: parts[0] ?? '', version: parts[1] ?? '' };
}

/** What both layouts need once the resource is known. */
interface Query {
  api: ExplainApi;
  args: ExplainArgs;
  mapped: MappedResource;
  group: string;
  version: string;
  fieldPath: string[];
  highlight: Highlight;
  /** Failure with kubectl's line on stderr (after any warnings), then our hint. */
  fail(stdout: string, line: string, hint?: string): CommandResult;
  warnings: string;
}

function explainWith(api: ExplainApi, args: ExplainArgs, output: ExplainOutput): CommandResult {
  const { discovery } = api;
  const resolution = args.apiVersion ? resolveResource(discovery, args.target) : resolveResourceWithGroupPrefix(discovery, args.target);
  // kubectl prints the mapper's warnings first, whatever follows.
  const warnings = resolution.warnings.map((w) => `Warning: ${w}\n`).join('');
  const fail = (stdout: string, line: string, hint?: string): CommandResult => ({
    stdout,
    stderr: warnings + line + '\n' + (hint ? hint + '\n' : ''),
    exitCode: 1,
  });
  if (!resolution.ok) return fail('', resolution.error, resourceHint(discovery, resolution.name));

  let { group, version } = resolution.mapped;
  if (args.apiVersion) {
    const requested = parseGroupVersion(args.apiVersion);
    if (!requested) return fail('', `error: unexpected GroupVersion string: ${args.apiVersion}`);
    ({ group, version } = requested);
  }
  const query: Query = {
    api,
    args,
    mapped: resolution.mapped,
    group,
    version,
    fieldPath: resolution.fieldPath,
    highlight: highlighter(args.color),
    fail,
    warnings,
  };
  return output === 'plaintext-openapiv2' ? explainOpenApiV2(query) : explainPlaintext(query);
}

/** Which versions serve the resource, for a hint after a version error. */
function servedAs(discovery: Discovery, mapped: MappedResource): string | undefined {
  const served = discovery.resources.filter((r) => r.plural === mapped.resource && r.group === mapped.group);
  if (served.length === 0) return undefined;
  return `hint: ${mapped.resource} is served as ${served.map((r) => groupVersionString(r.group, r.version)).join(', ')}`;
}

/** The v3 layout: the path must be served, then the field path is followed in the kind's schema. */
function explainPlaintext({ api, args, mapped, group, version, fieldPath, highlight, fail, warnings }: Query): CommandResult {
  const { discovery, source } = api;
  const gvr = `${group}/${version}, Resource=${mapped.resource}`;
  if (!discovery.servesGroupVersion(group, version)) return fail('', `error: couldn't find resource for "${gvr}"`, servedAs(discovery, mapped));
  const entry = discovery.find(group, version, mapped.resource);
  if (!entry) return fail('', `error: GVR (${gvr}) not found in OpenAPI schema`, servedAs(discovery, mapped));
  const kindSchema = source.definition(entry.definition);
  if (!kindSchema) {
    return fail('', `error: GVK map[group:${entry.group} kind:${entry.kind} version:${entry.version}] not found in OpenAPI schema`);
  }
  const doc = new V3Document((name) => source.definition(name));
  const header = plaintextHeader(entry.group, entry.kind, entry.version);
  const body = renderPlaintextBody(doc, kindSchema, fieldPath, { recursive: Boolean(args.recursive), highlight });
  if (!body.ok) {
    const hint = groupPrefixHint(args, mapped, fieldPath) ?? fieldPathHint(doc, kindSchema, resourcePart(args.target, fieldPath), fieldPath);
    return fail(header, `error: field "${body.missingField}" does not exist`, hint);
  }
  return { stdout: header + body.body, stderr: warnings, exitCode: 0 };
}

/** The legacy layout looks the kind up by group, version and kind, as in the v2 document. */
function explainOpenApiV2({ api, args, mapped, group, version, fieldPath, highlight, fail, warnings }: Query): CommandResult {
  const { discovery, source } = api;
  const entry = discovery.resources.find((r) => r.group === group && r.version === version && r.kind === mapped.kind);
  const kindSchema = entry ? source.definition(entry.definition) : undefined;
  if (!entry || !kindSchema) {
    return fail('', `error: couldn't find resource for "${group}/${version}, Kind=${mapped.kind}"`, servedAs(discovery, mapped));
  }
  const rendered = renderOpenApiV2(kindSchema, { kind: entry.kind, groupVersion: groupVersionString(group, version) }, fieldPath, {
    recursive: Boolean(args.recursive),
    lookup: (name) => source.definition(name),
    highlight,
  });
  if (!rendered.ok) return fail('', `error: ${rendered.error}`);
  return { stdout: rendered.text, stderr: warnings, exitCode: 0 };
}

/** With --api-version kubectl reads `ingresses.networking.k8s.io.spec` as fields `networking`, `k8s`, ... */
function groupPrefixHint(args: ExplainArgs, mapped: MappedResource, fieldPath: readonly string[]): string | undefined {
  if (!args.apiVersion || !mapped.group) return undefined;
  const groupParts = mapped.group.split('.');
  if (fieldPath.slice(0, groupParts.length).join('.') !== mapped.group) return undefined;
  const [resource = ''] = args.target.split('.');
  const rest = fieldPath.slice(groupParts.length);
  return `hint: with --api-version, name the resource without its group: "${[resource, ...rest].join('.')}"`;
}

/** The part of the target naming the resource: what precedes the field path. */
function resourcePart(target: string, fieldPath: readonly string[]): string {
  const text = target.endsWith('.') ? target.slice(0, -1) : target;
  const fields = fieldPath.join('.');
  return fields && text.endsWith('.' + fields) ? text.slice(0, text.length - fields.length - 1) : (text.split('.')[0] ?? text);
}

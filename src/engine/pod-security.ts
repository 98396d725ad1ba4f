/** Which Pod Security Standards levels a run applies: from the options, the configuration's globs and Namespace labels among the inputs. */
import { LABEL_PREFIX, namespacePolicyOf, parsePolicySpec, type NamespacePolicy, type PodSecuritySettings, type PolicySpec } from '../k8s/pod-security/policy.js';
import { asObject } from '../k8s/values.js';
import { parseYaml } from '../parse/parse-yaml.js';
import { resourcesOf } from '../parse/resources.js';
import type { SourceFile } from '../types.js';
import type { LintOptions } from './options.js';

/**
 * The Namespaces among some files whose labels set a Pod Security level, by name. Only files that
 * mention the label prefix are parsed for them; the last definition of a namespace wins.
 */
export function namespacePoliciesIn(files: readonly SourceFile[]): Record<string, NamespacePolicy> {
  const out: Record<string, NamespacePolicy> = {};
  for (const file of files) {
    if (file.decodeError || !file.text.includes(LABEL_PREFIX) || (file.language !== 'yaml' && file.language !== 'json')) continue;
    for (const r of resourcesOf(file.path, parseYaml(file.path, file.text).documents)) {
      if (r.kind !== 'Namespace' || r.apiVersion !== 'v1' || r.name === undefined) continue;
      const labels = asObject(asObject(asObject(r.object)?.metadata)?.labels) ?? {};
      const policy = namespacePolicyOf(labels);
      if (Object.keys(policy).length > 0) out[r.name] = policy;
      else delete out[r.name];
    }
  }
  return out;
}

/** The options with the per-file levels and namespace labels worked out, as plain data for any thread. */
export function withPodSecurity(files: readonly SourceFile[], options: LintOptions): LintOptions {
  const { podSecurityOf, ...rest } = options;
  const out: LintOptions = { ...rest };
  if (podSecurityOf && !options.podSecurityFiles) {
    const byFile: Record<string, string> = {};
    for (const f of files) {
      const spec = podSecurityOf(f.path);
      if (spec !== undefined) byFile[f.path] = spec;
    }
    out.podSecurityFiles = byFile;
  }
  if (!options.podSecurityNamespaces) out.podSecurityNamespaces = namespacePoliciesIn(files);
  return out;
}

function parsed(text: string | undefined): PolicySpec | undefined {
  return text === undefined ? undefined : parsePolicySpec(text);
}

/** The settings the pod-security rule reads, or undefined when no level applies anywhere. */
export function podSecuritySettings(options: LintOptions): PodSecuritySettings | undefined {
  const all = parsed(options.podSecurity);
  const files: Record<string, PolicySpec> = {};
  for (const [path, text] of Object.entries(options.podSecurityFiles ?? {})) {
    const spec = parsed(text);
    if (spec) files[path] = spec;
  }
  const namespaces = options.podSecurityNamespaces ?? {};
  const hasFiles = Object.keys(files).length > 0;
  const hasNamespaces = Object.keys(namespaces).length > 0;
  if (!all && !hasFiles && !hasNamespaces) return undefined;
  return { ...(all ? { all } : {}), ...(hasFiles ? { files } : {}), ...(hasNamespaces ? { namespaces } : {}) };
}

/** Whether a `level[:version]` text names a level and policy version (for option checking). */
export function isPolicySpec(text: string): boolean {
  return parsePolicySpec(text) !== undefined;
}

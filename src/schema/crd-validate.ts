/**
 * CustomResourceDefinition checks the API server makes when a CRD is created (rule `crd-schema`),
 * after k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation/validation.go
 * (ValidateCustomResourceDefinition, ValidateCustomResourceDefinitionSpec,
 * ValidateCustomResourceDefinitionNames, validateAPIApproval). The schema of each version is
 * checked by crd-structural.ts. Values of the wrong type are left to the `schema` rule.
 */
import type { JsonObject, JsonValue, Path } from '../types.js';
import { isObject } from '../parse/resources.js';
import { fieldPath, type CrdProblem } from './messages.js';
import { structuralProblems } from './crd-structural.js';


const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const APPROVAL = 'api-approved.kubernetes.io';

function dns1035(value: string): string | undefined {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!DNS1035_LABEL.test(value)) return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  return undefined;
}

function groupError(group: string): string | undefined {
  if (group.length > 253) return 'must be no more than 253 characters';
  if (!DNS1123_SUBDOMAIN.test(group)) return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  if (!group.includes('.')) return 'should be a domain with at least one dot';
  return undefined;
}

/** Groups whose CRDs need the api-approved.kubernetes.io annotation (validateAPIApproval). */
function isProtectedGroup(group: string): boolean {
  return group === 'k8s.io' || group.endsWith('.k8s.io') || group === 'kubernetes.io' || group.endsWith('.kubernetes.io');
}

function at(path: Path, on: 'key' | 'value', text: string): CrdProblem {
  return { path, on, message: `${fieldPath(path)}: ${text}` };
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function checkNames(names: JsonObject, out: CrdProblem[]): void {
  const base: Path = ['spec', 'names'];
  for (const key of ['plural', 'singular'] as const) {
    const value = str(names[key]);
    const error = value === undefined ? undefined : dns1035(value);
    if (error) out.push(at([...base, key], 'value', error));
  }
  // Absent ones are the schema rule's (the built-in CRD schema requires them); empty ones are not.
  if (names.plural === '') out.push(at([...base, 'plural'], 'value', 'must not be empty'));
  if (names.kind === '') out.push(at([...base, 'kind'], 'value', 'must not be empty'));
  for (const key of ['kind', 'listKind'] as const) {
    const value = str(names[key]);
    const error = value === undefined ? undefined : dns1035(value.toLowerCase());
    if (error) out.push(at([...base, key], 'value', `may have mixed case, but should otherwise match: ${error}`));
  }
  if (str(names.kind) !== undefined && names.kind === names.listKind) out.push(at([...base, 'listKind'], 'value', 'kind and listKind may not be the same'));
  for (const key of ['shortNames', 'categories'] as const) {
    const list = names[key];
    if (!Array.isArray(list)) continue;
    list.forEach((item, i) => {
      const error = typeof item === 'string' ? dns1035(item) : undefined;
      if (error) out.push(at([...base, key, i], 'value', error));
    });
  }
}

function checkVersions(spec: JsonObject, v1: boolean, out: CrdProblem[]): void {
  const versions = spec.versions;
  if (!Array.isArray(versions)) return;
  const seen = new Set<string>();
  let storage = 0;
  versions.forEach((entry, i) => {
    if (!isObject(entry)) return;
    if (entry.storage === true) storage++;
    // apiextensions.k8s.io/v1 has no CRD-wide schema: each version brings its own.
    if (v1 && !(isObject(entry.schema) && isObject(entry.schema.openAPIV3Schema))) {
      const path: Path = isObject(entry.schema) ? ['spec', 'versions', i, 'schema'] : ['spec', 'versions', i, 'name'];
      out.push({ path, on: 'key', message: `${fieldPath(['spec', 'versions', i, 'schema', 'openAPIV3Schema'])}: schemas are required` });
    }
    const name = str(entry.name);
    if (name === undefined) return;
    const error = dns1035(name);
    if (error) out.push(at(['spec', 'versions', i, 'name'], 'value', error));
    if (seen.has(name)) out.push(at(['spec', 'versions', i, 'name'], 'value', `version names must be unique; "${name}" is already used`));
    seen.add(name);
  });
  if (storage !== 1) {
    out.push(at(['spec', 'versions'], 'key', `must have exactly one version marked as storage version (found ${storage})`));
  }
}

/** The group of a CRD object, when it has one. */
export function crdGroupOf(crd: JsonValue): string | undefined {
  return isObject(crd) && isObject(crd.spec) ? str(crd.spec.group) : undefined;
}

/**
 * Everything the API server would refuse in one CRD object, plus a CRD in a group-version that
 * Kubernetes serves itself. `builtIn(apiVersion)` says whether the bundled catalog serves it.
 */
export function validateCrd(crd: JsonValue, builtIn: (apiVersion: string) => boolean, servedBy: string): CrdProblem[] {
  const out: CrdProblem[] = [];
  if (!isObject(crd) || !isObject(crd.spec)) return out;
  const spec = crd.spec;
  const v1 = crd.apiVersion === 'apiextensions.k8s.io/v1';
  const group = str(spec.group);
  const names = isObject(spec.names) ? spec.names : undefined;
  const metadata = isObject(crd.metadata) ? crd.metadata : undefined;

  const name = metadata ? str(metadata.name) : undefined;
  const plural = names ? str(names.plural) : undefined;
  if (name !== undefined && plural !== undefined && group !== undefined && name !== `${plural}.${group}`) {
    out.push(at(['metadata', 'name'], 'value', `must be spec.names.plural+"."+spec.group ("${plural}.${group}")`));
  }

  if (spec.group === '') out.push(at(['spec', 'group'], 'value', 'must not be empty'));
  if (group !== undefined) {
    const error = groupError(group);
    const shadowed = versionNames(spec).filter((version) => builtIn(`${group}/${version}`));
    if (error) out.push(at(['spec', 'group'], 'value', error));
    else if (shadowed.length > 0) {
      // kube-apiserver registers no APIService for a CRD group-version that is served locally
      // (pkg/controlplane/controller/crdregistration, handleVersionUpdate), and its own handlers
      // answer before the CRD handler: the built-in kinds keep their built-in schemas.
      out.push(at(['spec', 'group'], 'value', `${servedBy} serves ${shadowed.map((v) => `${group}/${v}`).join(', ')} itself; the API server keeps its built-in API there and does not serve this CustomResourceDefinition's kinds in it`));
    }
    if (v1 && isProtectedGroup(group)) {
      const annotations = metadata && isObject(metadata.annotations) ? metadata.annotations : undefined;
      if (annotations === undefined || str(annotations[APPROVAL]) === undefined) {
        const path: Path = annotations ? ['metadata', 'annotations'] : metadata ? ['metadata'] : [];
        out.push({ path, on: 'key', message: `metadata.annotations["${APPROVAL}"]: protected groups must have approval annotation "${APPROVAL}" (group "${group}" is under k8s.io or kubernetes.io)` });
      }
    }
  }

  if (typeof spec.scope === 'string' && spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    out.push(at(['spec', 'scope'], 'value', `unsupported value "${spec.scope}": supported values: "Cluster", "Namespaced"`));
  }
  if (names) checkNames(names, out);
  checkVersions(spec, v1, out);
  out.push(...structuralProblems(spec));
  return out;
}

function versionNames(spec: JsonObject): string[] {
  const out: string[] = [];
  if (Array.isArray(spec.versions)) for (const v of spec.versions) if (isObject(v) && str(v.name)) out.push(v.name as string);
  if (str(spec.version)) out.push(spec.version as string);
  return out;
}

/**
 * The schema stage: checks each resource against the schema of its apiVersion/kind in the
 * bundled catalog of a Kubernetes version, plus any CRDs and OpenAPI documents the caller gives.
 *
 * Rule ids (one per kind of problem; each has docs/rules/<id>.md):
 *   schema        a field has the wrong type, format or value (including values outside the set
 *                 the API server accepts for an enum field), is missing though required, or is
 *                 unknown (an error when strict, a warning otherwise)
 *   unknown-api   the apiVersion/kind pair is a Kubernetes kind not served by that group-version
 *   list-map-key  two entries of a keyed list share their key (container names, ports, env vars)
 *   missing-schema  no schema at all for a kind (only with `requireSchemas`)
 *   cel-validation  a CEL rule (`x-kubernetes-validations`) of a CRD is false for the object
 *   crd-schema    a CustomResourceDefinition the API server would refuse (or never serve)
 *
 * Validators are compiled lazily, per definition, and cached on the checker; definitions shared
 * by several kinds (PodSpec, ObjectMeta) are compiled once per checker.
 */
import type { ValidateFunction } from 'ajv';
import type { JsonValue, Report, Severity } from '../types.js';
import { lookupApi } from './api-lookup.js';
import { Catalog, catalogDir, createCatalog, defaultVersion, loadCatalog, mergeCatalogs } from './catalog.js';
import type { CatalogData, SchemaNode } from './catalog-types.js';
import { cachedCompiler, type CachedCompiler } from './compiled-cache.js';
import { catalogFromCRDBeside } from './from-crd.js';
import { copyDefinitions } from './lazy-definitions.js';
import { statusSubresourceDefinitions } from './crd-status.js';
import { defaultCustomResource } from './crd-defaults.js';
import { validateCrd } from './crd-validate.js';
import { catalogCrd, findCatalogEntry } from './crd-catalog.js';
import { EnumIndex, unsupportedEnumValues } from './enum-values.js';
import { duplicateListEntries, ListMapIndex } from './list-maps.js';
import { schemaLocator } from './locate-schema.js';
import { problemsFromErrors, type Problem } from './messages.js';
import { addFieldFixes } from './field-fix.js';
import { precompiledValidators } from './precompiled.js';
import { definitionWalker } from './interpreted.js';
import { OBJECT_META } from './to-json-schema.js';
import { hasValidationRules } from './cel/detect.js';
import type { CelStage } from './cel/index.js';

import type { SchemaRuleId } from './rule-metas.js';
export { SCHEMA_RULE_IDS, SCHEMA_RULES, type SchemaRuleId } from './rule-metas.js';

export interface SchemaCheckerOptions {
  /** Kubernetes minor version of the bundled catalog (`1.36`); default: the newest bundled. */
  kubernetesVersion?: string;
  /** Unknown fields are errors (default true) or warnings (false). */
  strict?: boolean;
  /** CustomResourceDefinition objects whose custom resources are to be validated. */
  crds?: readonly JsonValue[];
  /** More catalogs (e.g. `catalogFromOpenAPI(dump)`); they win over the bundled one on conflicts. */
  extraCatalogs?: readonly (Catalog | CatalogData)[];
  /** Kinds with no schema are errors (`missing-schema`) instead of unchecked. */
  requireSchemas?: boolean;
  /**
   * Custom resources that no given CRD or document defines are checked against the bundled CRD
   * catalog when it has their kind (default true).
   */
  crdCatalog?: boolean;
  /** Use the bundled precompiled validators when there are some (default true; false compiles at run time). */
  precompiled?: boolean;
  /**
   * Validate the kinds that have no precompiled code (custom resources, the definitions of given
   * OpenAPI documents) by walking their schema (default true) rather than with code compiled from
   * it; both give the same errors (see interpreted.ts).
   */
  interpreted?: boolean;
  /**
   * The CEL stage module (`await import('./cel/index.js')`); without it CEL rules are not
   * evaluated. `createSchemaStage()` loads it when some schema has rules.
   */
  cel?: typeof import('./cel/index.js');
}

export interface SchemaCheckInput {
  apiVersion?: string;
  kind?: string;
  object: JsonValue;
}

export interface SchemaCheckResult {
  reports: Report[];
  /**
   * False when the stage had nothing to check the resource against: no schema for its kind (a
   * custom resource without its CRD), no apiVersion/kind, or not a mapping. `reason` says which.
   */
  checked: boolean;
  reason?: string;
  /** Lines for the run's summary (CEL rules that were not evaluated); the same text for the same cause. */
  notices?: string[];
  /** Checked against the bundled CRD catalog (no CRD or document given defined the kind). */
  catalog?: boolean;
}

export interface SchemaChecker {
  readonly catalog: Catalog;
  check(resource: SchemaCheckInput): SchemaCheckResult;
  /**
   * A custom resource as the API server validates it: nulls pruned and its CRD's defaults applied.
   * Undefined when the kind is not defined by one of the checker's CRDs.
   */
  defaulted(resource: SchemaCheckInput): JsonValue | undefined;
}

function isPlainObject(value: unknown): value is Record<string, JsonValue> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy without null-valued fields: the API server treats `field: null` as unset (so optional
 * fields may be null, and a required one that is null is missing). Nulls inside lists stay.
 */
export function withoutNullFields(value: JsonValue): JsonValue {
  // Most objects have no null field: they are used as they are (nothing downstream changes them).
  return needsCopy(value) ? copyWithoutNulls(value) : value;
}

/** Whether some object below has a null field (or a `__proto__` key, which a copy would not keep as it is). */
function needsCopy(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(needsCopy);
  if (!isPlainObject(value)) return false;
  for (const key in value) {
    const child = value[key] as JsonValue;
    if (child === null || key === '__proto__' || needsCopy(child)) return true;
  }
  return false;
}

function copyWithoutNulls(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (!isPlainObject(value)) return value;
  const out: Record<string, JsonValue> = {};
  for (const [key, child] of Object.entries(value)) if (child !== null) out[key] = copyWithoutNulls(child);
  return out;
}

/** CRDs as given, with `List`s (what `kubectl get crd -o yaml` prints) opened up. */
function crdObjects(given: readonly JsonValue[]): JsonValue[] {
  const out: JsonValue[] = [];
  for (const item of given) {
    if (isPlainObject(item) && Array.isArray(item.items) && typeof item.kind === 'string' && item.kind.endsWith('List')) out.push(...item.items);
    else out.push(item);
  }
  return out;
}

/**
 * Schema errors after which the API server does not run CEL rules: wrong type, missing required
 * field, value not in the enum, too long, too many (apiextensions-apiserver
 * pkg/registry/customresource/strategy.go, hasBlockingErr). The object is then not in the shape
 * its rules were written for.
 */
const CEL_BLOCKING = new Set(['type', 'required', 'enum', 'maxLength', 'maxItems', 'maxProperties']);

function report(ruleId: SchemaRuleId, severity: Severity, problem: Pick<Problem, 'path' | 'on' | 'message' | 'hint' | 'fix'>): Report {
  return { ruleId, severity, path: problem.path, on: problem.on, message: problem.message, ...(problem.hint ? { hint: problem.hint } : {}), ...(problem.fix ? { fix: problem.fix } : {}) };
}

export function createSchemaChecker(options: SchemaCheckerOptions = {}): SchemaChecker {
  const version = options.kubernetesVersion ?? defaultVersion();
  const strict = options.strict ?? true;
  const extra: Catalog[] = [];
  const crdGroups = new Set<string>();
  const crdDefinitions = new Set<string>();
  const base = loadCatalog(version);
  const builtIn = (apiVersion: string): boolean => base.resources.some((r) => r.apiVersion === apiVersion);
  for (const crd of crdObjects(options.crds ?? [])) {
    const data = catalogFromCRDBeside(crd, base);
    for (const r of data.resources) {
      crdGroups.add(r.group);
      crdDefinitions.add(r.definition);
    }
    if (data.resources.length > 0) extra.push(createCatalog(data));
  }
  for (const c of options.extraCatalogs ?? []) extra.push(c instanceof Catalog ? c : createCatalog(c));
  const catalog = mergeCatalogs(base, ...extra);
  const statusDropped = statusSubresourceDefinitions(crdObjects(options.crds ?? []));
  // The definitions that may carry CEL rules, copied without converting any CRD version.
  const celDefinitions: Record<string, SchemaNode> = {};
  for (const c of extra) copyDefinitions(celDefinitions, c.definitions);
  const cel: CelStage | undefined = options.cel?.createCelStage(celDefinitions, (node) => catalog.resolve(node));
  // Precompiled validators match the bundled definitions; documents given by the caller may
  // redefine them, so they are used only when no extra catalog is given (CRDs add new names only).
  const precompiled = options.precompiled !== false && (options.extraCatalogs ?? []).length === 0 ? () => precompiledValidators(catalogDir(base.kubernetesVersion)) : () => undefined;
  const servedBy = `Kubernetes ${catalog.kubernetesVersion}`;
  const listMaps = new ListMapIndex(catalog);
  const enums = new EnumIndex(catalog);
  let compiler: CachedCompiler | undefined;
  const validators = new Map<string, ValidateFunction>();
  const catalogCheckers = new Map<string, SchemaChecker>();

  function validatorFor(definition: string): ValidateFunction {
    let validate = validators.get(definition) ?? precompiled()?.get(definition) ?? walkingValidator(definition);
    if (!validate) {
      compiler ??= cachedCompiler(catalog.definitions, crdDefinitions);
      validate = compiler.validator(definition);
      if (!validate) throw new Error(`no schema compiled for ${definition}`);
      validators.set(definition, validate);
    }
    return validate;
  }

  const hasObjectMeta = catalog.definition(OBJECT_META) !== undefined;
  const refs = { has: (name: string) => catalog.definition(name) !== undefined, get: validatorFor };

  /**
   * A validator that walks the definition's schema (CRDs' with the API server's CRD semantics);
   * undefined for a schema it does not follow.
   */
  function walkingValidator(definition: string): ValidateFunction | undefined {
    const node = catalog.definition(definition);
    if (options.interpreted === false || node === undefined) return undefined;
    const validate = definitionWalker(definition, node, hasObjectMeta, crdDefinitions.has(definition) ? { branch: false } : undefined, refs);
    if (validate) validators.set(definition, validate);
    return validate;
  }

  function check(input: SchemaCheckInput): SchemaCheckResult {
    const { apiVersion, kind, object } = input;
    if (!isPlainObject(object)) return { reports: [], checked: false, reason: 'not a Kubernetes object (not a mapping)' };
    if (typeof apiVersion !== 'string' || apiVersion === '' || typeof kind !== 'string' || kind === '') {
      return { reports: [], checked: false, reason: 'no apiVersion or kind' };
    }
    // Lists have no schema of their own upstream; the parse stage expands their items.
    if (kind === 'List' && apiVersion === 'v1') return { reports: [], checked: false, reason: 'a List (its items are checked one by one)' };
    const found = lookupApi(catalog, apiVersion, kind, servedBy, crdGroups);
    if (found.status === 'not-served') {
      // Counted as checked: the finding says all there is to say, and "pass its CRD" would mislead.
      return { reports: [report('unknown-api', 'error', { path: [found.on], on: 'value', message: found.message, ...(found.hint ? { hint: found.hint } : {}) })], checked: true };
    }
    if (found.status === 'no-schema') {
      const fromCatalog = options.crdCatalog === false ? undefined : catalogCheck(apiVersion, kind, object);
      if (fromCatalog) return fromCatalog;
      const reports = options.requireSchemas ? [report('missing-schema', 'error', { path: ['kind'], on: 'value', message: found.reason })] : [];
      return { reports, checked: false, reason: found.reason };
    }
    const definition = found.resource.definition;
    const data = prepared(definition, object);
    const validate = validatorFor(definition);
    const reports: Report[] = [];
    const valid = validate(data);
    // Read before the next validation overwrites the shared errors array.
    const celBlocked = !valid && (validate.errors ?? []).some((e) => CEL_BLOCKING.has(e.keyword));
    if (!valid) {
      const locator = schemaLocator(catalog, definition);
      const problems = problemsFromErrors(validate.errors ?? [], data, locator);
      // Custom resources are pruned before validation: a renamed field would be checked on another object.
      if (!crdDefinitions.has(definition) && problems.some((p) => p.kind === 'unknown-field' && p.hint)) {
        addFieldFixes(problems, data, locator, (renamed) => [
          ...(validate(renamed) ? [] : problemsFromErrors(validate.errors ?? [], renamed, locator)),
          ...unsupportedEnumValues(enums, definition, renamed),
        ]);
      }
      for (const problem of problems) {
        const severity: Severity = problem.kind === 'unknown-field' && !strict ? 'warning' : 'error';
        reports.push(report('schema', severity, problem));
      }
    }
    for (const problem of unsupportedEnumValues(enums, definition, data)) reports.push(report('schema', 'error', problem));
    for (const problem of duplicateListEntries(catalog, listMaps, definition, data)) reports.push(report('list-map-key', 'error', problem));
    if (kind === 'CustomResourceDefinition' && apiVersion.startsWith('apiextensions.k8s.io/')) {
      for (const problem of validateCrd(object, builtIn, servedBy)) reports.push(report('crd-schema', 'error', problem));
    }
    // CEL rules see what the API server's rules see: the pruned and defaulted object.
    const celResult = celBlocked ? undefined : cel?.check(definition, data);
    if (!celResult) return { reports, checked: true };
    for (const problem of celResult.problems) reports.push(report('cel-validation', 'error', problem));
    return { reports, checked: true, ...(celResult.notices.length > 0 ? { notices: celResult.notices } : {}) };
  }

  /**
   * A custom resource checked with the catalog's CRD of its kind, by a checker of that one CRD
   * made on first use. Nulls are dropped first: the catalog's schemas have neither defaults
   * nor nullable fields, so the API server would prune every null field.
   */
  function catalogCheck(apiVersion: string, kind: string, object: JsonValue): SchemaCheckResult | undefined {
    const entry = findCatalogEntry(apiVersion, kind);
    if (!entry) return undefined;
    const key = `${entry.group}/${entry.kind}`;
    let checker = catalogCheckers.get(key);
    if (!checker) {
      const crd = catalogCrd(entry);
      if (crd === undefined) return undefined;
      checker = createSchemaChecker({
        kubernetesVersion: version, strict, crds: [crd], crdCatalog: false,
        ...(options.precompiled !== undefined ? { precompiled: options.precompiled } : {}),
        ...(options.interpreted !== undefined ? { interpreted: options.interpreted } : {}),
      });
      catalogCheckers.set(key, checker);
    }
    const result = checker.check({ apiVersion, kind, object: withoutNullFields(object) });
    return result.checked ? { ...result, catalog: true } : undefined;
  }

  /**
   * The object the validator sees: CRD kinds lose `status` when the status subresource is on (the
   * API server drops it on create and keeps the stored one on update), then are pruned and
   * defaulted; built-in kinds lose their null fields.
   */
  function prepared(definition: string, object: JsonValue): JsonValue {
    const schema = crdDefinitions.has(definition) ? catalog.definition(definition) : undefined;
    if (!schema) return withoutNullFields(object);
    if (statusDropped.has(definition) && isPlainObject(object) && 'status' in object) {
      const { status: _status, ...rest } = object;
      return defaultCustomResource(schema, rest);
    }
    return defaultCustomResource(schema, object);
  }

  return {
    catalog,
    check(input) {
      try {
        return check(input);
      } catch (error) {
        // A checker bug must not stop a lint run; the resource is reported as unchecked.
        return { reports: [], checked: false, reason: `schema check failed: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    defaulted({ apiVersion, kind, object }) {
      const resource = typeof apiVersion === 'string' && typeof kind === 'string' ? catalog.findResource(apiVersion, kind) : undefined;
      return resource && crdDefinitions.has(resource.definition) ? prepared(resource.definition, object) : undefined;
    },
  };
}

/**
 * `createSchemaChecker` with the CEL stage loaded when, and only when, some given CRD or OpenAPI
 * document has `x-kubernetes-validations`: a run without CEL rules never loads the CEL package.
 */
export async function createSchemaStage(options: SchemaCheckerOptions = {}): Promise<SchemaChecker> {
  const extraDocuments = (options.extraCatalogs ?? []).map((c) => c.definitions);
  const needsCel = options.cel === undefined && (hasValidationRules(options.crds ?? []) || hasValidationRules(extraDocuments));
  return createSchemaChecker(needsCel ? { ...options, cel: await import('./cel/index.js') } : options);
}

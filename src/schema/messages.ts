/**
 * Turns ajv errors into findings in the words of a Kubernetes user: one finding per problem,
 * with the field path (`spec.template.spec.containers[0].name`), what was expected and what
 * was found. Branch noise from oneOf/anyOf is folded into a single message.
 */
import type { ErrorObject } from 'ajv';
import type { Path, ScalarFix, Target } from '../types.js';
import { FORMATS } from './formats.js';
import { closestName } from './suggest.js';

export type ProblemKind = 'unknown-field' | 'required' | 'type' | 'format' | 'enum' | 'other';

/** What the messages need to know about the schema at an instance path. */
export interface SchemaLocator {
  /** Field names the object at `path` may have (for did-you-mean). */
  knownFields(path: Path): string[];
  /** True when the value at `path` is a resource.Quantity. */
  isQuantity(path: Path): boolean;
}

export interface Problem {
  kind: ProblemKind;
  path: Path;
  on: Target;
  message: string;
  hint?: string;
  /** A certain fix (a field name or an enum value), when there is one. */
  fix?: ScalarFix[];
}

/** A problem of a CustomResourceDefinition itself (the `crd-schema` rule): where, and what. */
export type CrdProblem = Pick<Problem, 'path' | 'on' | 'message'>;

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `['spec','containers',0,'name']` → `spec.containers[0].name`; odd keys are quoted: `labels["app.kubernetes.io/name"]`. */
export function fieldPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** How a value reads in a message: `string "3"`, `integer 3`, `boolean true`, `array`, `object`, `null`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'number') return `${Number.isInteger(value) ? 'integer' : 'number'} ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  return 'object';
}

function describeType(type: unknown, quantity: boolean): string {
  if (quantity) return 'a quantity (string or number)';
  return (Array.isArray(type) ? type.map(String) : [String(type)]).join(' or ');
}

function valueAt(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Decodes an ajv instancePath against the data so array indexes become numbers. */
export function pathOfPointer(pointer: string, data: unknown): Path {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let current: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current) && /^\d+$/.test(key)) {
      out.push(Number(key));
      current = current[Number(key)];
    } else {
      out.push(key);
      current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

function prefix(path: Path): string {
  const text = fieldPath(path);
  return text === '' ? '' : `${text}: `;
}

function problemOf(error: ErrorObject, data: unknown, schema: SchemaLocator): Problem {
  const path = pathOfPointer(error.instancePath, data);
  const params = error.params as Record<string, unknown>;
  const value = valueAt(data, path);
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      const suggestion = closestName(field, schema.knownFields(path));
      return {
        kind: 'unknown-field',
        path: [...path, field],
        on: 'key',
        message: `unknown field "${fieldPath([...path, field])}"`,
        ...(suggestion ? { hint: `did you mean "${suggestion}"?` } : {}),
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      return { kind: 'required', path, on: 'key', message: `${fieldPath([...path, missing])}: required field is missing` };
    }
    case 'type':
      return { kind: 'type', path, on: 'value', message: `${prefix(path)}expected ${describeType(params.type, schema.isQuantity(path))}, got ${describeValue(value)}` };
    case 'format': {
      const expected = FORMATS[String(params.format)]?.expected ?? `format ${String(params.format)}`;
      return { kind: 'format', path, on: 'value', message: `${prefix(path)}expected ${expected}, got ${describeValue(value)}` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [];
      const list = allowed.slice(0, 8).map((v) => JSON.stringify(v)).join(', ') + (allowed.length > 8 ? ', ...' : '');
      return { kind: 'enum', path, on: 'value', message: `${prefix(path)}expected one of ${list}, got ${describeValue(value)}` };
    }
    default:
      return { kind: 'other', path, on: 'value', message: `${prefix(path)}${error.message ?? 'is not valid'}, got ${describeValue(value)}` };
  }
}

/** One message for a failed oneOf/anyOf, from what its branches said. */
function branchProblem(error: ErrorObject, branchErrors: ErrorObject[], data: unknown, schema: SchemaLocator): Problem {
  const path = pathOfPointer(error.instancePath, data);
  const value = valueAt(data, path);
  const here = branchErrors.filter((e) => e.instancePath === error.instancePath);
  if (error.keyword === 'oneOf' && Array.isArray((error.params as { passingSchemas?: unknown }).passingSchemas)) {
    return { kind: 'other', path, on: 'value', message: `${prefix(path)}matches more than one of the allowed forms` };
  }
  if (here.length > 0 && here.length === branchErrors.length && here.every((e) => e.keyword === 'type')) {
    const types = [...new Set(here.flatMap((e) => [(e.params as { type: unknown }).type].flat().map(String)))];
    return { kind: 'type', path, on: 'value', message: `${prefix(path)}expected ${types.join(' or ')}, got ${describeValue(value)}` };
  }
  const single = branchErrors.length === 1 ? branchErrors[0] : undefined;
  if (single) return problemOf(single, data, schema);
  return { kind: 'other', path, on: 'value', message: `${prefix(path)}does not match any of the allowed forms` };
}

/** All problems of one validation run, branch noise folded, duplicates dropped, in input order. */
export function problemsFromErrors(errors: readonly ErrorObject[], data: unknown, schema: SchemaLocator): Problem[] {
  const branches = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const inBranch = new Set<ErrorObject>();
  const problems: Problem[] = [];
  for (const branch of branches) {
    const under = errors.filter((e) => e !== branch && e.schemaPath.startsWith(`${branch.schemaPath}/`));
    for (const e of under) inBranch.add(e);
  }
  const seen = new Set<string>();
  for (const error of errors) {
    if (inBranch.has(error)) continue;
    const problem = error.keyword === 'oneOf' || error.keyword === 'anyOf'
      ? branchProblem(error, errors.filter((e) => e.schemaPath.startsWith(`${error.schemaPath}/`)), data, schema)
      : problemOf(error, data, schema);
    const key = `${problem.message}\0${fieldPath(problem.path)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

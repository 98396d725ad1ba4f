/**
 * Fixes the schema stage can offer with certainty: a misspelt field name whose only close match
 * is a field the object may have and whose value fits that field (checked by validating the object
 * with the key renamed), and an enum value in the wrong case (`udp` → `UDP`). Ambiguous
 * suggestions keep their did-you-mean hint and get no fix.
 */
import type { JsonValue, Path } from '../types.js';
import type { Problem, SchemaLocator } from './messages.js';
import { closestName, nameDistance } from './suggest.js';

/** Renames checked per object and run. */
const MAX_RECHECKS = 16;

function isObject(value: unknown): value is Record<string, JsonValue> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function at(data: unknown, path: Path): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/** The object with one key renamed (a copy; the rest is shared). */
function renamed(data: JsonValue, parent: Path, from: string, to: string): JsonValue {
  if (parent.length === 0) {
    const object = data as Record<string, JsonValue>;
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(object)) out[k === from ? to : k] = v;
    return out;
  }
  const [head, ...rest] = parent;
  if (Array.isArray(data)) return data.map((item, i) => (i === head ? renamed(item, rest, from, to) : item));
  const object = data as Record<string, JsonValue>;
  return { ...object, [head as string]: renamed(object[head as string]!, rest, from, to) };
}

/**
 * Adds a fix to the unknown-field problems that have exactly one close field name that the value
 * fits (`recheck` validates an object and returns its problems).
 */
export function addFieldFixes(problems: Problem[], data: JsonValue, schema: SchemaLocator, recheck: (data: JsonValue) => Problem[]): void {
  // Each candidate validates the object again; an object with more misspellings than this is fixed over several runs.
  let budget = MAX_RECHECKS;
  for (const problem of problems) {
    if (budget === 0) return;
    if (problem.kind !== 'unknown-field' || problem.path.length === 0) continue;
    const field = problem.path[problem.path.length - 1];
    const parent = problem.path.slice(0, -1);
    const object = at(data, parent);
    if (typeof field !== 'string' || !isObject(object)) continue;
    const known = schema.knownFields(parent);
    const suggestion = closestName(field, known);
    if (suggestion === undefined || suggestion in object) continue;
    // A second field as close as the first makes the rename a guess.
    const distance = nameDistance(field, suggestion);
    if (known.some((k) => k !== suggestion && k !== field && nameDistance(field, k) <= distance)) continue;
    budget--;
    const after = recheck(renamed(data, parent, field, suggestion));
    const target = [...parent, suggestion];
    // The value must fit the field: no wrong type, value or missing field below it. Misspelt
    // fields inside it are their own findings (and fixes) on the next pass.
    if (after.some((p) => startsWith(p.path, target) && p.kind !== 'unknown-field')) continue;
    problem.fix = [{ path: problem.path, on: 'key', expected: field, text: suggestion }];
  }
}

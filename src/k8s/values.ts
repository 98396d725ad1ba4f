import type { JsonObject, JsonValue } from '../types.js';

/**
 * Run-time guards for untrusted manifest values. Rules read shapes typed with `kubernetes-types`,
 * but a document may hold anything (`spec: 3`, `containers: null`), so every read goes through these.
 */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): JsonValue[] | undefined {
  return Array.isArray(value) ? (value as JsonValue[]) : undefined;
}

/** A non-empty string, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function asInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** Label values written as YAML scalars other than strings (`version: 1`) compare as their text. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * A mapping that claims to be a `T` (a `kubernetes-types` shape): the field names are checked at
 * compile time, but every value is `unknown` until checked, because the input is untrusted.
 */
export type Untrusted<T> = { readonly [K in keyof T]?: unknown };

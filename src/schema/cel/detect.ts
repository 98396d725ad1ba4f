/**
 * Whether any schema carries `x-kubernetes-validations`: the CEL engine is loaded only then, so
 * that runs without such rules pay nothing for it. Kept apart from the engine so that the schema
 * stage can ask without loading it.
 */
const KEY = 'x-kubernetes-validations';

/** Looks through raw documents (CRDs, OpenAPI) for a non-empty `x-kubernetes-validations` list. */
export function hasValidationRules(value: unknown, depth = 0): boolean {
  if (depth > 200 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => hasValidationRules(item, depth + 1));
  const record = value as Record<string, unknown>;
  const rules = record[KEY];
  if (Array.isArray(rules) && rules.length > 0) return true;
  for (const key in record) if (hasValidationRules(record[key], depth + 1)) return true;
  return false;
}

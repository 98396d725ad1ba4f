import { isScalar } from 'yaml';

/** The merge key `<<` (the parser gives it as a symbol when merge keys are on). */
export const MERGE_KEY = '<<';

/**
 * A mapping key as the decoder turns it into a JSON property name: scalars are stringified, so
 * YAML 1.1 `y:`, `on:` and `5:` become "true", "true" and "5". Complex keys have no name.
 */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value = key.value;
  if (typeof value === 'symbol') return MERGE_KEY;
  return value === null ? 'null' : String(value);
}

/** Hints for a resource name kubectl does not know. */
import type { Discovery } from './discovery.js';
import { closestMatch } from './suggest.js';

export function resourceHint(discovery: Discovery, name: string): string | undefined {
  if (name.trim() === '') return undefined;
  // Preference for equally close names: plurals, then singulars, short names and kinds.
  const plurals = discovery.resources.map((r) => r.plural);
  const singulars = discovery.resources.map((r) => r.singular);
  const kinds = discovery.resources.map((r) => r.kind);
  const shortNames = new Set(discovery.resources.flatMap((r) => r.shortNames));
  if (shortNames.has(name.toLowerCase())) {
    return `hint: did you mean "${name.toLowerCase()}"? (short names are case-sensitive)`;
  }
  const match = closestMatch(name, new Set([...plurals, ...singulars, ...shortNames, ...kinds]));
  return match ? `hint: did you mean "${match}"?` : 'hint: see "k8s-lint api-resources" for the resource types';
}

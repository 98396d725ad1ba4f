/**
 * Values of `+enum` string fields that the API server rejects (`protocol: udp`,
 * `restartPolicy: always`, `type: nodePort`). Upstream schemas carry no `enum` for these fields;
 * bundled catalogs hold the accepted values under `x-k8s-lint-enum` (scripts/build-schemas/enums.mjs).
 * The empty string is the unset value and is never reported: the API server defaults it.
 */
import type { Catalog } from './catalog.js';
import type { Path } from '../types.js';
import { fieldPath, type Problem } from './messages.js';
import { closestName } from './suggest.js';
import { MarkedIndex } from './marked-index.js';

export const ENUM_KEY = 'x-k8s-lint-enum';

/** Which definitions have a value set somewhere below them, so most of a document is skipped. */
export class EnumIndex extends MarkedIndex {
  constructor(catalog: Catalog) {
    super(catalog, (node) => (node[ENUM_KEY]?.length ?? 0) > 0);
  }
}

function checkValue(allowed: readonly string[], value: unknown, at: Path, out: Problem[]): void {
  // Other types are the type check's business; "" is unset and gets the default.
  if (typeof value !== 'string' || value === '' || allowed.includes(value)) return;
  // The walk's path changes as it goes on: the problem keeps a copy.
  const path = [...at];
  const named = allowed.filter((v) => v !== '');
  const list = named.map((v) => JSON.stringify(v)).join(', ');
  // Compared without regard to case (`udp` → `UDP`, `nodePort` → `NodePort`), or a near typo.
  const suggestion = closestName(value, named);
  out.push({
    kind: 'enum',
    path,
    on: 'value',
    message: `${fieldPath(path)}: ${JSON.stringify(value)} is not one of ${list}`,
    ...(suggestion ? { hint: `did you mean ${JSON.stringify(suggestion)}?` } : {}),
    // Only the case is wrong: the value meant is certain.
    ...(suggestion !== undefined && suggestion.toLowerCase() === value.toLowerCase() && named.filter((v) => v.toLowerCase() === value.toLowerCase()).length === 1
      ? { fix: [{ path, on: 'value' as const, expected: value, text: suggestion }] }
      : {}),
  });
}

/** Values outside the accepted set in `value`, checked against the definition `name`. */
export function unsupportedEnumValues(index: EnumIndex, name: string, value: unknown): Problem[] {
  const out: Problem[] = [];
  index.walk(name, value, (node, here, path) => {
    const allowed = node[ENUM_KEY];
    if (allowed?.length) checkValue(allowed, here, path, out);
  });
  return out;
}

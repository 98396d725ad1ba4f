import type { Path } from '../types.js';

/** `['spec', 'ports', 0, 'nodePort']` → `/spec/ports/0/nodePort` (RFC 6901 escaping). */
export function pointerOf(path: Path): string {
  let out = '';
  for (const segment of path) out += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

/** `/spec/ports/0/nodePort` → `['spec', 'ports', 0, 'nodePort']`; numeric segments become numbers. */
export function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** `['spec', 'ports', 0, 'nodePort']` → `spec.ports[0].nodePort`, the way Kubernetes names fields. */
export function fieldPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

import { asObject } from '../values.js';
import type { Found, PodSecurityCheck } from './check.js';
import { containerWord, podSecurityContext, quote, securityContextOf, text, type PodView } from './pod-view.js';
import type { Path } from '../../types.js';

const TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const TYPES_1_31 = new Set([...TYPES_1_0, 'container_engine_t']);

/** seLinuxOptions: only the container types, and no user or role, on the pod and on every container. */
function seLinuxWith(allowed: ReadonlySet<string>) {
  return (pod: PodView): Found[] => {
    const out: Found[] = [];
    const setters: { word: string; path: Path; sc: ReturnType<typeof securityContextOf> }[] = [
      { word: 'pod', path: [...pod.spec.path, 'securityContext'], sc: podSecurityContext(pod) },
      ...pod.containers.map((c) => ({ word: containerWord(c), path: [...c.path, 'securityContext'], sc: securityContextOf(c.value) })),
    ];
    for (const s of setters) {
      const options = asObject(s.sc?.seLinuxOptions);
      if (!options) continue;
      const type = text(options.type);
      const badType = !allowed.has(type);
      const user = text(options.user) !== '';
      const role = text(options.role) !== '';
      if (!badType && !user && !role) continue;
      const data = [...(badType ? [`type ${quote(type)}`] : []), ...(user ? ['user may not be set'] : []), ...(role ? ['role may not be set'] : [])];
      const field = badType ? 'type' : user ? 'user' : 'role';
      out.push({
        reason: 'seLinuxOptions',
        detail: `${s.word} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
        path: [...s.path, 'seLinuxOptions', field],
        on: 'value',
        hint: `leave seLinuxOptions.user and .role unset and use a type of ${[...allowed].filter(Boolean).join(', ')} (or none)`,
      });
    }
    return out;
  };
}

export const seLinuxOptions: PodSecurityCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  versions: [
    { min: 0, run: seLinuxWith(TYPES_1_0) },
    { min: 31, run: seLinuxWith(TYPES_1_31) },
  ],
};

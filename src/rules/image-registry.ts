import { registryOf } from '../k8s/images.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'noRegistry'>({
  id: 'image-registry',
  description: 'Warn about images that name no registry and are pulled from the runtime default (Docker Hub)',
  severity: 'warning',
  recommended: false,
  presets: ['security'],
  category: 'security',
  kinds: POD_KINDS,
  messages: { noRegistry: 'image "{{image}}" names no registry, so it comes from the container runtime\'s default (docker.io)' },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const c of containersOf(spec)) {
      const image = c.value.image;
      if (typeof image !== 'string' || image === '' || registryOf(image) !== undefined) continue;
      yield { path: [...c.path, 'image'], on: 'value', messageId: 'noRegistry', data: { image }, hint: 'write the registry you trust (registry.example.com/team/app:1.2, or docker.io/library/nginx:1.27 to say Docker Hub on purpose)' };
    }
  },
});

import { parseImage } from '../k8s/images.js';
import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'noTag' | 'latest'>({
  id: 'image-tag',
  description: 'Warn about container images without a tag or with the mutable tag "latest"',
  severity: 'warning',
  recommended: true,
  category: 'best-practice',
  kinds: POD_KINDS,
  messages: {
    noTag: 'image "{{image}}" has no tag, so it means "{{image}}:latest", whatever that is on the day a node pulls it',
    latest: 'image "{{image}}" uses the mutable tag "latest"',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    for (const c of containersOf(spec)) {
      const image = c.value.image;
      if (typeof image !== 'string' || image === '') continue;
      const ref = parseImage(image);
      // A digest pins the image whatever the tag says.
      if (ref.digest !== undefined) continue;
      if (ref.tag === undefined || ref.tag === 'latest') {
        yield {
          path: [...c.path, 'image'],
          on: 'value',
          messageId: ref.tag === undefined ? 'noTag' : 'latest',
          data: { image },
          hint: 'pin a version (nginx:1.27.3) or a digest, so every node runs the same image and a rollback means something',
        };
      }
    }
  },
});

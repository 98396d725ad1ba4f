import { containersOf, podSpecOf, POD_KINDS } from '../k8s/workloads.js';
import { defineRule } from './define-rule.js';

export default defineRule<'missing' | 'empty' | 'whitespace'>({
  id: 'container-image',
  description: 'Require every container, in Pods and pod templates, to name an image (without surrounding spaces in a Pod)',
  severity: 'error',
  recommended: true,
  category: 'correctness',
  kinds: POD_KINDS,
  messages: {
    missing: 'container "{{container}}" has no image',
    empty: 'container "{{container}}" has an empty image',
    whitespace: 'image "{{image}}" of container "{{container}}" has leading or trailing spaces',
  },
  *check(resource) {
    const spec = podSpecOf(resource);
    if (!spec) return;
    // validateContainerCommon requires an image of every container, init and ephemeral included,
    // in a Pod and in every pod template alike.
    for (const c of containersOf(spec)) {
      const container = c.name ?? String(c.path.at(-1));
      const image = c.value.image;
      if (image === undefined || image === null) {
        yield {
          path: c.name !== undefined ? [...c.path, 'name'] : c.path,
          on: 'value',
          messageId: 'missing',
          data: { container },
          hint: 'a container runs an image: set image, such as nginx:1.27.3',
        };
      } else if (image === '') {
        yield { path: [...c.path, 'image'], on: 'value', messageId: 'empty', data: { container }, hint: 'a container runs an image: set image, such as nginx:1.27.3' };
      } else if (typeof image === 'string' && image.trim() !== image && resource.kind === 'Pod') {
        // Only Pods: pod templates keep accepting padded images for compatibility.
        yield { path: [...c.path, 'image'], on: 'value', messageId: 'whitespace', data: { container, image } };
      }
    }
  },
});

/** The parts of a container image reference that matter for pinning. */
export interface ImageRef {
  /** Tag after the last ":" of the last path component, if any. */
  tag?: string;
  /** Digest after "@", if any. */
  digest?: string;
}

/**
 * Splits `registry:5000/team/app:1.2@sha256:…`. A ":" before the last "/" is a registry port, not a
 * tag, so `localhost:5000/app` has no tag.
 */
export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  const tag = colon >= 0 ? name.slice(colon + 1) : undefined;
  return { ...(tag !== undefined ? { tag } : {}), ...(digest !== undefined ? { digest } : {}) };
}

/**
 * The registry host an image names, or undefined when it names none (then the container runtime
 * pulls from its default, Docker Hub). As the runtimes read references: the first path component
 * is a registry when it has a "." or a ":", or is `localhost`.
 */
export function registryOf(image: string): string | undefined {
  const slash = image.indexOf('/');
  if (slash < 0) return undefined;
  const first = image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : undefined;
}

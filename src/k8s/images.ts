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

import { pointerOf } from '../parse/pointer.js';
import type { Path, Place, Resource, SpanOf, Target } from '../types.js';

/**
 * A place in the current resource, kept in a cross-resource fact so that the cross check can report
 * there later. Paths are relative to the resource, like rule reports; List items are handled here.
 */
export function placeOf(resource: Resource, ctx: SpanOf, path: Path, on?: Target): Place {
  return {
    file: resource.file,
    resource: resource.ref,
    pointer: pointerOf([...resource.basePath, ...path]),
    span: ctx.span(path, on),
  };
}

/** `line 12` in the same file as `from`, else `deploy.yaml:12`: for messages that point at another place. */
export function describePlace(place: Place, from: Place): string {
  return place.file === from.file ? `line ${place.span.line}` : `${place.file}:${place.span.line}`;
}

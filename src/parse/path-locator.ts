import type { Locator, Path, PathSegment, Span, Target } from '../types.js';

/** Offsets [start, end) in the source text. */
export type Range = readonly [number, number];

/**
 * What a locator needs to know of one document representation (the `yaml` package's nodes, or the
 * fast scanner's position table), with `S` the step through it from one segment to the next.
 */
export interface PathWalk<S> {
  root: S;
  step(from: S, segment: PathSegment): S | undefined;
  /** The value's own range at the end of a complete path, when it is not empty. */
  valueRange(at: S): Range | undefined;
  /** Where a step is pointed at when the path ends there or beyond: its key, else its head. */
  placeRange(at: S): Range | undefined;
  rootRange(): Range;
  toSpan(range: Range): Span;
}

/**
 * Offsets → a Span inside the file: clamped to the text, never empty (an empty range becomes one
 * character), 1-based, `endColumn` exclusive and after `column` on a one-line span.
 */
export function spanConverter(lines: { linePos(offset: number): { line: number; col: number } }, textLength: number): (range: Range) => Span {
  return (range) => {
    const start = Math.max(0, Math.min(range[0], textLength));
    let end = Math.max(start, Math.min(range[1], textLength));
    if (end === start) end = Math.min(start + 1, Math.max(textLength, start + 1));
    const a = lines.linePos(start);
    const b = lines.linePos(end);
    const line = Math.max(1, a.line);
    const endLine = Math.max(line, b.line);
    return { line, column: Math.max(1, a.col), endLine, endColumn: Math.max(1, endLine === line ? Math.max(b.col, a.col + 1) : b.col) };
  };
}

/**
 * The one path → span algorithm: the value itself when the path is complete and the value has
 * text; else the key (or head) of the deepest step found; else the document. Never throws.
 */
export function pathLocator<S>(walk: PathWalk<S>): Locator {
  const steps = (path: Path): { steps: S[]; complete: boolean } => {
    const found: S[] = [walk.root];
    for (const segment of path) {
      const next = walk.step(found[found.length - 1]!, segment);
      if (next === undefined) return { steps: found, complete: false };
      found.push(next);
    }
    return { steps: found, complete: true };
  };
  return {
    has(path) {
      return steps(path).complete;
    },
    locate(path, on: Target = 'value') {
      const { steps: found, complete } = steps(path);
      if (found.length === 1) return walk.toSpan(walk.rootRange());
      if (complete && on === 'value') {
        const r = walk.valueRange(found[found.length - 1]!);
        if (r) return walk.toSpan(r);
      }
      for (let i = found.length - 1; i >= 1; i--) {
        const r = walk.placeRange(found[i]!);
        if (r) return walk.toSpan(r);
      }
      return walk.toSpan(walk.rootRange());
    },
  };
}

import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import type { RuleMeta } from '../rules/define-rule.js';
import type { Finding } from '../types.js';

/**
 * What some formats need besides the findings, passed in so that every formatter stays a pure
 * function (golden tests give fixed values; the CLI gives the real ones).
 */
export interface ReportContext {
  /** Metadata of every known rule, for descriptions and default levels (SARIF). */
  rules: readonly RuleMeta[];
  /** Absolute repository root (git top level, else the working directory) for repo-relative paths. */
  root: string;
  /** Absolute working directory that finding paths are relative to. */
  cwd: string;
  /** The k8s-lint version, recorded by SARIF. */
  toolVersion: string;
}

/** Path of a finding's file relative to the root, with `/` separators; undefined when outside it. */
export function rootRelative(file: string, ctx: Pick<ReportContext, 'root' | 'cwd'>): string | undefined {
  if (file.startsWith('<')) return undefined; // <stdin>, <text>
  const rel = relative(ctx.root, resolve(ctx.cwd, file));
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join(posix.sep);
}

/** Findings grouped by file, keeping the (already sorted) order. */
export function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.file);
    if (list) list.push(f);
    else out.set(f.file, [f]);
  }
  return out;
}

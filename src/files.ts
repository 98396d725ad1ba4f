import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { SourceFile } from './types.js';

/** A problem with the command line itself (missing path, bad flag): exit code 2, one sentence. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type Language = SourceFile['language'];

export interface ExpandOptions {
  /** Also collect Markdown files from directories (their yaml blocks and kubectl commands). */
  markdown?: boolean;
  /** Also collect shell scripts, Makefiles and text notes from directories (kubectl commands). */
  commands?: boolean;
  /** Reads standard input when the path `-` is given. */
  readStdin?: () => string;
}

export interface ReadFailure {
  path: string;
  reason: string;
}

export interface ExpandResult {
  files: SourceFile[];
  /** Files that exist but could not be read as text (binary, bad encoding, permission denied). */
  failures: ReadFailure[];
  notices: string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Guesses how to read a file from its name; undefined = not something we lint. */
export function languageOf(path: string, options: ExpandOptions = {}): Language | undefined {
  const ext = extname(path).toLowerCase();
  const base = basename(path);
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (options.markdown !== false && (ext === '.md' || ext === '.markdown')) return 'markdown';
  if (options.commands !== false) {
    if (ext === '.sh' || ext === '.bash') return 'shell';
    if (base === 'Makefile' || base === 'makefile' || base === 'GNUmakefile' || ext === '.mk') return 'makefile';
    if (ext === '.txt') return 'text';
  }
  return undefined;
}

/**
 * Decodes file bytes as text the way editors do: UTF-8 (BOM dropped), UTF-16 with a BOM.
 * Returns a reason instead when the bytes are not text. Lone CR line breaks become LF, which keeps
 * every offset the same.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    const probe = bytes.subarray(0, 8192);
    if (probe.includes(0)) return { reason: 'binary file (it contains NUL bytes)' };
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { reason: 'not valid UTF-8 text' };
    }
  }
  if (text.includes('\0')) return { reason: 'binary file (it contains NUL bytes)' };
  return { text: text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text };
}

function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a directory';
  return (error as Error).message ?? String(error);
}

/** Expands paths (files, directories, `-`) into the text files to lint, in a stable order. */
export function expandInputs(paths: readonly string[], options: ExpandOptions = {}): ExpandResult {
  const files: SourceFile[] = [];
  const failures: ReadFailure[] = [];
  const notices: string[] = [];
  const seen = new Set<string>();

  const addFile = (path: string, language: Language) => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch {
      real = path;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      failures.push({ path, reason: errnoReason(error) });
      return;
    }
    const decoded = decodeText(bytes);
    if ('reason' in decoded) failures.push({ path, reason: decoded.reason });
    else files.push({ path, text: decoded.text, language });
  };

  const walk = (dir: string, visited: Set<string>): number => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (error) {
      failures.push({ path: dir, reason: errnoReason(error) });
      return 0;
    }
    if (visited.has(real)) {
      notices.push(`${dir}: skipped, a symbolic link back into a directory already being read`);
      return 0;
    }
    visited.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (error) {
      failures.push({ path: dir, reason: errnoReason(error) });
      return 0;
    }
    let count = 0;
    for (const name of entries) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(dir, name);
      let stats: Stats;
      try {
        stats = statSync(full);
      } catch (error) {
        const link = safeLstat(full);
        if (link?.isSymbolicLink()) notices.push(`${full}: skipped, a broken or looping symbolic link`);
        else failures.push({ path: full, reason: errnoReason(error) });
        continue;
      }
      if (stats.isDirectory()) count += walk(full, new Set(visited));
      else if (stats.isFile()) {
        const language = languageOf(full, options);
        if (language) {
          addFile(full, language);
          count++;
        }
      }
    }
    return count;
  };

  for (const path of paths) {
    if (path === '-') {
      const text = options.readStdin ? options.readStdin() : '';
      const decoded = decodeText(Buffer.from(text, 'utf8'));
      if ('reason' in decoded) failures.push({ path: '<stdin>', reason: decoded.reason });
      else files.push({ path: '<stdin>', text: decoded.text, language: 'yaml' });
      continue;
    }
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(`${path}: no such file or directory`);
      failures.push({ path, reason: errnoReason(error) });
      continue;
    }
    if (stats.isDirectory()) {
      const found = walk(path, new Set());
      if (found === 0) notices.push(`${path}: no manifest files found (looked for ${[...MANIFEST_EXTENSIONS].join(', ')})`);
    } else {
      // A file named explicitly is linted whatever its extension: YAML unless it says otherwise.
      addFile(path, languageOf(path, options) ?? 'yaml');
    }
  }
  return { files, failures, notices };
}

function safeLstat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

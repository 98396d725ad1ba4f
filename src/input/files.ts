import { closeSync, type Dirent, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { decodeText, type Decoded } from './decode.js';
import type { SourceFile } from '../types.js';
import { UsageError } from './usage-error.js';


export type Language = SourceFile['language'];

export interface ExpandOptions {
  /** Also collect Markdown files from directories (their yaml blocks and kubectl commands). */
  markdown?: boolean;
  /** Also collect shell scripts, Makefiles and text notes from directories (kubectl commands). */
  commands?: boolean;
  /** Reads standard input when the path `-` is given; bytes are decoded like a file's. */
  readStdin?: () => string | Uint8Array;
  /**
   * Stop reading once this many files or bytes have been read (a long-running reader of a whole
   * workspace bounds its work); what was left out is said in a notice.
   */
  budget?: { maxFiles: number; maxBytes: number };
  /** Files not to read at all (the configuration's ignore patterns), by path as found. */
  skip?: (path: string) => boolean;
}

export interface ReadFailure {
  path: string;
  reason: string;
}

export interface ExpandResult {
  files: SourceFile[];
  /** Files that exist but could not be read (permission denied, too large, not a regular file). */
  failures: ReadFailure[];
  notices: string[];
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Largest input read. A file this size already takes tens of seconds and a few gigabytes to
 * parse; anything larger is a mistake (a log, a dump) and is skipped with a note instead of
 * exhausting memory. It also bounds reads of devices named on the command line (`/dev/zero`).
 */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Read by `kustomize build`, not by the API server; they have no apiVersion or kind to check. */
const KUSTOMIZATION_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);

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

function errnoReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'symbolic link loop';
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENXIO') return 'a socket or device that cannot be read';
  return (error as Error).message ?? String(error);
}

const tooLarge = (bytes: number) => `too large to lint (${Math.round(bytes / 1024 / 1024)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`;

/**
 * Reads a FIFO or a device named on the command line (`<(helm template …)` gives a pipe) up to the
 * size limit: `readFileSync` would read `/dev/zero` until memory runs out.
 */
function readStream(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1 << 16);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > MAX_FILE_BYTES) throw Object.assign(new Error(tooLarge(total)), { code: 'EFBIG' });
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

/** Expands paths (files, directories, `-`) into the text files to lint, in a stable order. */
export function expandInputs(paths: readonly string[], options: ExpandOptions = {}): ExpandResult {
  const files: SourceFile[] = [];
  const failures: ReadFailure[] = [];
  const notices: string[] = [];
  const seen = new Set<string>();
  let bytesRead = 0;
  let exhausted = false;

  /** False once the budget is spent (said once, in a notice); the walk then stops. */
  const withinBudget = (size: number): boolean => {
    const budget = options.budget;
    if (!budget || exhausted) return !exhausted;
    if (files.length < budget.maxFiles && bytesRead + size <= budget.maxBytes) return true;
    exhausted = true;
    notices.push(`stopped reading after ${files.length} files (${Math.round(bytesRead / 1024)} KiB): the limit is ${budget.maxFiles} files or ${Math.round(budget.maxBytes / 1024 / 1024)} MiB`);
    return false;
  };

  const addFile = (path: string, language: Language, stats: Stats, canonical?: string) => {
    if (options.skip?.(path)) return;
    let real = canonical ?? path;
    if (canonical === undefined) {
      try {
        real = realpathSync(path);
      } catch {
        real = path;
      }
    }
    if (seen.has(real)) return;
    seen.add(real);
    if (KUSTOMIZATION_NAMES.has(basename(path))) {
      notices.push(`${path}: skipped, a Kustomize file (read by kustomize build, not by the API server)`);
      return;
    }
    if (stats.isFile() && stats.size > MAX_FILE_BYTES) {
      failures.push({ path, reason: tooLarge(stats.size) });
      return;
    }
    if (!withinBudget(stats.isFile() ? stats.size : 0)) return;
    let bytes: Buffer;
    try {
      bytes = stats.isFile() ? readFileSync(path) : readStream(path);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'EFBIG' ? (error as Error).message : errnoReason(error);
      failures.push({ path, reason });
      return;
    }
    bytesRead += bytes.length;
    files.push(sourceFile(path, language, decodeText(bytes)));
  };

  /**
   * Depth-first in sorted order, with an explicit stack. Symbolic links to directories are not
   * followed (as `kubectl apply -R` does not): a link to `/` or back up the tree would make the
   * walk endless. Links to files are read. Entries that are not regular files (FIFOs, sockets,
   * devices) are skipped: reading a FIFO nobody writes to blocks forever.
   */
  const walk = (root: string): number => {
    let count = 0;
    const visited = new Set<string>();
    let rootReal: string;
    try {
      rootReal = realpathSync(root);
    } catch (error) {
      failures.push({ path: root, reason: errnoReason(error) });
      return 0;
    }
    // Each entry carries its canonical path, so plain files and directories need no realpath call:
    // the walk does not follow links to directories, so only a link can reach a file twice.
    const stack: { dir: string; real: string }[] = [{ dir: root, real: rootReal }];
    while (stack.length > 0 && !exhausted) {
      const { dir, real } = stack.pop()!;
      if (visited.has(real)) continue;
      visited.add(real);
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      } catch (error) {
        failures.push({ path: dir, reason: errnoReason(error) });
        continue;
      }
      const subdirs: { dir: string; real: string }[] = [];
      for (const entry of entries) {
        if (exhausted) break;
        const name = entry.name;
        if (name.startsWith('.') || name === 'node_modules') continue;
        const full = join(dir, name);
        if (entry.isDirectory()) {
          subdirs.push({ dir: full, real: join(real, name) });
          continue;
        }
        const language = languageOf(full, options);
        if (entry.isSymbolicLink()) {
          let stats: Stats;
          try {
            stats = statSync(full);
          } catch {
            notices.push(`${full}: skipped, a broken or looping symbolic link`);
            continue;
          }
          if (stats.isDirectory()) notices.push(`${full}: skipped, a symbolic link to a directory (name it explicitly to lint it)`);
          else if (language && stats.isFile()) {
            addFile(full, language, stats);
            count++;
          } else if (language) failures.push({ path: full, reason: 'not a regular file (a FIFO, socket or device)' });
          continue;
        }
        if (!language) continue;
        if (!entry.isFile()) {
          failures.push({ path: full, reason: 'not a regular file (a FIFO, socket or device)' });
          continue;
        }
        let stats: Stats;
        try {
          stats = statSync(full);
        } catch (error) {
          failures.push({ path: full, reason: errnoReason(error) });
          continue;
        }
        addFile(full, language, stats, join(real, name));
        count++;
      }
      // Reversed onto the stack so that subdirectories are read in sorted order.
      for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
    }
    return count;
  };

  for (const path of paths) {
    if (path === '-') {
      const input = options.readStdin ? options.readStdin() : '';
      files.push(sourceFile('<stdin>', 'yaml', decodeText(typeof input === 'string' ? Buffer.from(input, 'utf8') : input)));
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
      const found = walk(path);
      if (found === 0) notices.push(`${path}: no manifest files found (looked for ${[...MANIFEST_EXTENSIONS].join(', ')})`);
    } else if (stats.isSocket()) {
      failures.push({ path, reason: 'a socket, not a file' });
    } else {
      // A file named explicitly is linted whatever its extension: YAML unless it says otherwise.
      addFile(path, languageOf(path, options) ?? 'yaml', stats);
    }
  }
  return { files, failures, notices };
}

/**
 * The order in which a directory walk reads two paths below the same directory (both relative to
 * it, `/`-separated): a directory's own files first, by name, then each subdirectory in turn.
 */
export function compareWalkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] === y[i]) continue;
    const xFile = i === x.length - 1;
    const yFile = i === y.length - 1;
    if (xFile !== yFile) return xFile ? -1 : 1;
    return x[i]! < y[i]! ? -1 : 1;
  }
  return x.length - y.length;
}

/** Kustomize files are skipped by the walk; a reader of single files asks the same question. */
export function isKustomizationFile(path: string): boolean {
  return KUSTOMIZATION_NAMES.has(basename(path));
}

function sourceFile(path: string, language: Language, decoded: Decoded): SourceFile {
  return { path, text: decoded.text, language, ...(decoded.error ? { decodeError: decoded.error } : {}) };
}

/**
 * What the fast scanner read from a large file, kept on disk: a repository linted again reads its
 * large files' values and position tables back (JSON and 32-bit offsets) instead of scanning their
 * YAML. One entry per file path, holding the hash of the content it was read from, so an edited
 * file replaces its entry rather than adding one. Only the scan is kept: every check runs again.
 *
 * Writing an entry costs more than the scan it saves once, so a file's scan is kept the second
 * time the file is met with the same length: the first time only marks it. A run that never comes
 * back (a CI job on a fresh machine) pays for marks, not for entries.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { endianness } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isObject } from '../parse/resources.js';
import { scanDocuments } from '../parse/fast/documents.js';
import type { FastDocument } from '../parse/fast/scanner.js';
import { cacheDir, writeCacheFile } from '../schema/code-cache.js';
import type { JsonValue } from '../types.js';

/** Raised when what a cache file holds changes shape. */
const CACHE_FORMAT = 2;

/**
 * Files smaller than this are scanned each time: reading a cache entry costs about as much as
 * scanning a few kilobytes, and large files (CRDs, install bundles) are most of the bytes.
 */
export const SCAN_CACHE_MIN_BYTES = 32 * 1024;

let buildKey: string | undefined;

/**
 * What the cached answers depend on besides the file's text: the code that reads YAML, named by
 * this module's file (its size and time: the build replaces it whenever the code changes).
 */
export function codeIdentity(): string {
  if (buildKey === undefined) {
    let stamp = '';
    try {
      const st = statSync(fileURLToPath(import.meta.url));
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      stamp = 'unknown';
    }
    buildKey = `${CACHE_FORMAT}:${process.version}:${endianness()}:${stamp}`;
  }
  return buildKey;
}

/** The key of a text's cached answers: its hash with the code's identity. */
export function contentKey(text: string): string {
  // Hashing the encoded bytes is several times faster than handing the hash a long string.
  return createHash('sha256').update(codeIdentity()).update('\0').update(Buffer.from(text, 'utf8')).digest('hex').slice(0, 32);
}

/** True when JSON text would not give the value back (infinities, NaN, negative zero). */
export function lossyAsJson(value: JsonValue | undefined): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
  if (Array.isArray(value)) return value.some(lossyAsJson);
  if (isObject(value)) {
    for (const key in value) if (lossyAsJson(value[key] as JsonValue)) return true;
  }
  return false;
}

/** One document of an entry, without its offsets (they follow the JSON, document after document). */
interface StoredDocument {
  value: JsonValue;
  empty: boolean;
  keys: string[];
  root: number;
  contentStart: number;
  length: number;
}

/** An entry's header: the content key (32 bytes) and the length of the JSON that follows (4 bytes). */
const HEADER = 36;

/** Where an entry's offsets start: after the header and the JSON, at a multiple of 4. */
function offsetsStart(jsonLength: number): number {
  const end = HEADER + jsonLength;
  return end + ((4 - (end % 4)) % 4);
}

/** Layout: the header, the JSON, padding to a multiple of 4, the offsets of each document. */
function encode(key: string, docs: readonly FastDocument[]): Buffer {
  const stored: StoredDocument[] = docs.map((d) => ({
    value: d.value ?? null,
    empty: d.value === undefined,
    keys: d.table.keys,
    root: d.table.root,
    contentStart: d.table.contentStart,
    length: d.table.data.length,
  }));
  const json = Buffer.from(JSON.stringify(stored), 'utf8');
  const start = offsetsStart(json.length);
  const out = Buffer.alloc(start + docs.reduce((n, d) => n + d.table.data.byteLength, 0));
  out.write(key, 0, 'latin1');
  out.writeUInt32LE(json.length, 32);
  json.copy(out, HEADER);
  let at = start;
  for (const d of docs) {
    out.set(new Uint8Array(d.table.data.buffer, d.table.data.byteOffset, d.table.data.byteLength), at);
    at += d.table.data.byteLength;
  }
  return out;
}

/** The documents of an entry made from the content `key`, or undefined for another content. */
function decode(key: string, bytes: Buffer): FastDocument[] | undefined {
  if (bytes.length < HEADER || bytes.toString('latin1', 0, 32) !== key) return undefined;
  const jsonLength = bytes.readUInt32LE(32);
  const stored = JSON.parse(bytes.toString('utf8', HEADER, HEADER + jsonLength)) as StoredDocument[];
  let at = offsetsStart(jsonLength);
  // An entry cut short (or longer than its documents) is not used.
  if (bytes.length !== at + stored.reduce((n, d) => n + d.length * 4, 0)) return undefined;
  return stored.map((d) => {
    const data = new Int32Array(d.length);
    new Uint8Array(data.buffer).set(bytes.subarray(at, at + d.length * 4));
    at += d.length * 4;
    return { value: d.empty ? undefined : d.value, table: { data, keys: d.keys, root: d.root, contentStart: d.contentStart } };
  });
}

/** The mark left by a first sighting: the text's length. */
function mark(text: string): string {
  return `mark:${text.length}`;
}

/** Scans of large files, read from and written to one cache directory. */
export class ScanCache {
  constructor(private readonly dir: string) {}

  /** The scanner for the file at `path`: the kept scan when it was made from this very text. */
  scanner(path: string): (text: string) => FastDocument[] | undefined {
    return (text) => {
      if (text.length < SCAN_CACHE_MIN_BYTES) return scanDocuments(text);
      const entry = join(this.dir, `scan-${createHash('sha256').update(resolve(path)).digest('hex').slice(0, 32)}.bin`);
      let found: Buffer | undefined;
      try {
        found = readFileSync(entry);
      } catch {
        // No entry yet: this is the first sighting.
      }
      // A mark is shorter than the header every kept scan starts with.
      const seen = found !== undefined && found.length < HEADER && found.toString('latin1') === mark(text);
      if (found !== undefined && found.length >= HEADER) {
        try {
          const kept = decode(contentKey(text), found);
          if (kept) return kept;
        } catch {
          // An unreadable entry: scanned below and marked again.
        }
      }
      const docs = scanDocuments(text);
      // Files for the full parser are not kept (they are read another way); nor values JSON cannot carry.
      if (docs === undefined) return docs;
      if (!seen) writeCacheFile(this.dir, entry, () => mark(text));
      else if (!docs.some((d) => lossyAsJson(d.value))) writeCacheFile(this.dir, entry, () => encode(contentKey(text), docs));
      return docs;
    };
  }
}

/** The scan cache of this run, or undefined when caching is off (K8S_LINT_CACHE_DIR=off). */
export function scanCache(): ScanCache | undefined {
  const dir = cacheDir();
  return dir === undefined ? undefined : new ScanCache(dir);
}

/**
 * The CustomResourceDefinitions among the inputs, read before anything is linted: they validate the
 * custom resources of the same run. CRD files are most of the bytes of a CRD-heavy repository, so
 * what a file declares is also kept on disk, by the file's content: a repository linted again
 * reads its CRDs back as JSON instead of parsing their YAML a second time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseYaml } from '../parse/parse-yaml.js';
import { isObject, resourcesOf } from '../parse/resources.js';
import { cacheDir, writeCacheFile } from '../schema/code-cache.js';
import type { JsonValue, SourceFile } from '../types.js';

const CRD_KIND = 'CustomResourceDefinition';

/** A document that declares a CRD, as the cheap test before a file is parsed for one. */
const CRD_LINE = /^[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?CustomResourceDefinition\b/m;

/** Raised when what a cache file holds changes shape. */
const CACHE_FORMAT = 1;

let buildKey: string | undefined;

/**
 * What the cached answers depend on besides the file's text: the code that reads YAML, named by
 * this module's file (its size and time: the build replaces it whenever the code changes).
 */
function codeIdentity(): string {
  if (buildKey === undefined) {
    let stamp = '';
    try {
      const st = statSync(fileURLToPath(import.meta.url));
      stamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      stamp = 'unknown';
    }
    buildKey = `${CACHE_FORMAT}:${process.version}:${stamp}`;
  }
  return buildKey;
}

/** True when JSON text would not give the value back (infinities, NaN, negative zero). */
function lossyAsJson(value: JsonValue): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
  if (Array.isArray(value)) return value.some(lossyAsJson);
  if (isObject(value)) {
    for (const key in value) if (lossyAsJson(value[key] as JsonValue)) return true;
  }
  return false;
}

interface FileCrds {
  objects: JsonValue[];
  /** Each object's JSON text: the key that finds the same CRD in another file. */
  texts: string[];
}

/** The CRD objects of one file, parsed from YAML. */
function parseCrds(file: SourceFile): FileCrds {
  const objects: JsonValue[] = [];
  for (const r of resourcesOf(file.path, parseYaml(file.path, file.text).documents)) {
    if (r.kind === CRD_KIND && isObject(r.object)) objects.push(r.object);
  }
  return { objects, texts: objects.map((o) => JSON.stringify(o)) };
}

/** The CRD objects of one file: from the cache when it has the file's content. */
function crdsOf(file: SourceFile, dir: string | undefined): FileCrds {
  if (dir === undefined) return parseCrds(file);
  const key = createHash('sha256').update(codeIdentity()).update('\0').update(file.text).digest('hex').slice(0, 32);
  const cached = join(dir, `crds-${key}.jsonl`);
  try {
    const text = readFileSync(cached, 'utf8');
    const texts = text === '' ? [] : text.split('\n');
    return { objects: texts.map((t) => JSON.parse(t) as JsonValue), texts };
  } catch {
    // Not cached yet (or unreadable): parse, then try to keep the answer.
  }
  const found = parseCrds(file);
  // A value JSON cannot carry is never cached: the file is parsed each time instead.
  if (found.objects.some(lossyAsJson)) return found;
  // One object a line: JSON.stringify never writes a raw line break.
  writeCacheFile(dir, cached, () => found.texts.join('\n'));
  return found;
}

/** Whether a file declares a CustomResourceDefinition (by a cheap test of its text). */
export function declaresCrds(file: SourceFile): boolean {
  return file.text.includes(CRD_KIND) && CRD_LINE.test(file.text);
}

/**
 * The CustomResourceDefinition objects in some already-read files, each once: the same CRD
 * vendored into several directories is parsed once and compiled once per checker.
 */
export function crdObjectsIn(files: readonly SourceFile[]): JsonValue[] {
  const out: JsonValue[] = [];
  const seenTexts = new Set<string>();
  const seenObjects = new Set<string>();
  const dir = cacheDir();
  for (const file of files) {
    if (!declaresCrds(file) || seenTexts.has(file.text)) continue;
    seenTexts.add(file.text);
    const { objects, texts } = crdsOf(file, dir);
    objects.forEach((object, i) => {
      if (seenObjects.has(texts[i]!)) return;
      seenObjects.add(texts[i]!);
      out.push(object);
    });
  }
  return out;
}

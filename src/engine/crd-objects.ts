/**
 * The CustomResourceDefinitions among the inputs, read before anything is linted: they validate the
 * custom resources of the same run. CRD files are most of the bytes of a CRD-heavy repository, so
 * none is read twice: a file linted later in the same thread hands its parse to the lint stage,
 * and one linted elsewhere (a worker thread, or not at all: `--crds`, explain) has what it
 * declares kept on disk by the file's content, read back as JSON the next time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedYaml } from '../parse/document.js';
import type { ParsedFiles } from '../parse/parsed-files.js';
import { parseYaml, streamYaml } from '../parse/parse-yaml.js';
import { isObject, resourcesOf } from '../parse/resources.js';
import { cacheDir, writeCacheFile } from '../schema/code-cache.js';
import { contentKey, lossyAsJson, ScanCache } from './scan-cache.js';
import type { JsonValue, SourceFile } from '../types.js';

const CRD_KIND = 'CustomResourceDefinition';

/** A document that declares a CRD, as the cheap test before a file is parsed for one. */
const CRD_LINE = /^[ \t]*["']?kind["']?[ \t]*:[ \t]*["']?CustomResourceDefinition\b/m;

interface FileCrds {
  objects: JsonValue[];
  /** Each object's JSON text, when the objects were read from the cache. */
  texts?: string[];
}

/** The CRD objects of one file's documents. */
function crdsIn(file: SourceFile, parsed: ParsedYaml): JsonValue[] {
  const objects: JsonValue[] = [];
  for (const r of resourcesOf(file.path, parsed.documents)) {
    if (r.kind === CRD_KIND && isObject(r.object)) objects.push(r.object);
  }
  return objects;
}

/**
 * The CRD objects of one file: when the file is linted later in this thread, parsed and kept in
 * `parsed` (the lint stage then reads the same parse); else, or when the file needs the full
 * parser (whose documents hold syntax trees: the lint stage streams them one at a time instead),
 * from the cache when it has the file's content, else parsed and cached.
 */
function crdsOf(file: SourceFile, dir: string | undefined, parsed: ParsedFiles | undefined): FileCrds {
  if (parsed !== undefined) {
    const stream = streamYaml(file.path, file.text, dir !== undefined ? { scan: new ScanCache(dir).scanner(file.path) } : {});
    if (!stream.holdsTrees) {
      const whole: ParsedYaml = { documents: [...stream.documents], findings: stream.findings, configs: stream.configs };
      parsed.keep(file, whole);
      return { objects: crdsIn(file, whole) };
    }
  }
  if (dir === undefined) return { objects: crdsIn(file, parseYaml(file.path, file.text)) };
  const cached = join(dir, `crds-${contentKey(file.text)}.jsonl`);
  try {
    const text = readFileSync(cached, 'utf8');
    const texts = text === '' ? [] : text.split('\n');
    return { objects: texts.map((t) => JSON.parse(t) as JsonValue), texts };
  } catch {
    // Not cached yet (or unreadable): parse, then try to keep the answer.
  }
  const objects = crdsIn(file, parseYaml(file.path, file.text));
  // A value JSON cannot carry is never cached: the file is parsed each time instead.
  if (objects.some(lossyAsJson)) return { objects };
  const texts = objects.map((o) => JSON.stringify(o));
  // One object a line: JSON.stringify never writes a raw line break.
  writeCacheFile(dir, cached, () => texts.join('\n'));
  return { objects, texts };
}

/** Whether a file declares a CustomResourceDefinition (by a cheap test of its text). */
export function declaresCrds(file: SourceFile): boolean {
  return file.text.includes(CRD_KIND) && CRD_LINE.test(file.text);
}

/** A CRD met before in the run: its object, and its JSON text once it has been needed. */
interface Seen {
  object: JsonValue;
  text: string | undefined;
}

/** The bucket of CRDs that may be equal to this one: equal objects have equal names. */
function nameKey(object: JsonValue): string {
  const name = isObject(object) && isObject(object.metadata) ? object.metadata.name : undefined;
  return typeof name === 'string' ? `name:${name}` : `other:${JSON.stringify(name) ?? ''}`;
}

/**
 * The CustomResourceDefinition objects in some already-read files, each once: the same CRD
 * vendored into several directories is parsed once and compiled once per checker. Two objects
 * are the same CRD when their JSON texts are equal; texts are compared only between objects of
 * the same name. With `parsed`, each CRD file's parse is kept there for the lint stage.
 */
export function crdObjectsIn(files: readonly SourceFile[], parsed?: ParsedFiles): JsonValue[] {
  const out: JsonValue[] = [];
  const seenTexts = new Set<string>();
  const byName = new Map<string, Seen[]>();
  const dir = cacheDir();
  for (const file of files) {
    if (!declaresCrds(file) || seenTexts.has(file.text)) continue;
    seenTexts.add(file.text);
    const { objects, texts } = crdsOf(file, dir, parsed);
    objects.forEach((object, i) => {
      const name = nameKey(object);
      const same = byName.get(name);
      const seen: Seen = { object, text: texts?.[i] };
      if (same === undefined) byName.set(name, [seen]);
      else {
        const text = (seen.text ??= JSON.stringify(object));
        if (same.some((s) => (s.text ??= JSON.stringify(s.object)) === text)) return;
        same.push(seen);
      }
      out.push(object);
    });
  }
  return out;
}

/**
 * What the fuzzer feeds k8s-lint and what must hold for every input. Shared by the short property
 * test in `npm test` (test/fuzz.test.ts, against src/) and the long run of `npm run fuzz`
 * (scripts/fuzz.mjs, against the built dist/), so both check exactly the same things.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';

function yamlFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  let out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const stats = statSync(full);
    if (stats.isDirectory()) out = out.concat(yamlFilesUnder(full));
    else if (/\.ya?ml$/.test(name) && stats.size < 512 * 1024) out.push(full);
  }
  return out;
}

/** The seeds: every fixture, plus the shared corpus of real manifests when it is there. */
export function seedTexts(root) {
  const dirs = [join(root, 'fixtures'), join(root, '..', 'shared', 'corpus')];
  const seeds = [];
  for (const dir of dirs) {
    for (const path of yamlFilesUnder(dir)) {
      const text = readFileSync(path, 'utf8');
      if (!text.includes('\0')) seeds.push({ path: relative(root, path), text });
    }
  }
  return seeds;
}

/** Pieces that YAML gives meaning to, and the mistakes people make with them. */
const PIECES = [
  'a', 'b', 'name', 'kind: Pod', 'apiVersion: v1', 'metadata:', 'spec:', 'containers:', 'items:', 'kind: List',
  ':', ': ', ' ', '  ', '\t', '\n', '\r\n', '\r', '- ', '-', '?', ',', '[', ']', '{', '}', '"', "'", '#', '# c', '|', '>',
  '|-', '&x ', '*x', '&y ', '*y', '<<: *x', '!Ref ', '!!str ', '!!binary ', '!!python/object ', '%YAML 1.1\n', '---', '...',
  '---\n', '~', 'null', 'yes', 'on', '0755', '1e3', '.inf', '8080:80', '\\', '"\\u00e9"', '\u00e9', '\u{1f600}', '\ufeff',
  '{{ .Values.x }}', '{{- if }}', '- op: add\n  path: /a\n', '@', '`', '%', '\u2028', '\u0085',
];

/** Random text built from YAML-significant pieces. */
export const yamlishText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

function splitKeep(text) {
  return text.split('\n');
}

/** One edit of the kind that breaks manifests in real life. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip'), at: fc.nat(), char: fc.constantFrom(...' :-\t\n"\'[]{},#&*!|>?%@`\\x0\u00e9'.split('')) }),
  fc.record({ kind: fc.constant('deleteLine'), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine'), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent'), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('tab'), at: fc.nat() }),
  fc.record({ kind: fc.constant('unquote'), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
);

export function applyMutation(text, m) {
  if (m.kind === 'flip' || m.kind === 'insert' || m.kind === 'truncate') {
    const at = text.length === 0 ? 0 : m.at % (text.length + 1);
    if (m.kind === 'flip') return text.slice(0, at) + m.char + text.slice(at + 1);
    if (m.kind === 'insert') return text.slice(0, at) + m.piece + text.slice(at);
    return text.slice(0, at);
  }
  const lines = splitKeep(text);
  const i = m.at % lines.length;
  const line = lines[i];
  if (m.kind === 'deleteLine') lines.splice(i, 1);
  else if (m.kind === 'duplicateLine') lines.splice(i, 0, line);
  else if (m.kind === 'indent') lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
  else if (m.kind === 'tab') lines[i] = '\t' + line;
  else if (m.kind === 'unquote') lines[i] = line.replace(/["']/g, '');
  return lines.join('\n');
}

/** Raw bytes with a few set to any value: broken UTF-8, NUL bytes, stray BOMs. */
function byteFlips(text, flips) {
  const bytes = new TextEncoder().encode(text);
  for (const { at, value } of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
  return bytes;
}

/** A seed file with one to five edits (to its text or to its bytes), or random YAML-ish text. */
export function caseArbitrary(seeds) {
  const random = yamlishText.map((text) => ({ path: 'random.yaml', text }));
  if (seeds.length === 0) return random;
  const seed = fc.integer({ min: 0, max: seeds.length - 1 });
  const edited = fc.record({ seed, edits: fc.array(mutation, { minLength: 1, maxLength: 5 }) }).map(({ seed: i, edits }) => ({
    path: seeds[i].path,
    text: edits.reduce(applyMutation, seeds[i].text),
  }));
  const flipped = fc.record({ seed, flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 3 }) }).map(
    ({ seed: i, flips }) => ({ path: seeds[i].path, bytes: byteFlips(seeds[i].text, flips) }),
  );
  // Two seeds in one stream, so that checks across resources (selectors, unique ports) meet broken neighbours.
  const joined = fc.record({ a: seed, b: seed, edits: fc.array(mutation, { maxLength: 3 }) }).map(({ a, b, edits }) => ({
    path: seeds[a].path,
    text: edits.reduce(applyMutation, `${seeds[a].text}\n---\n${seeds[b].text}`),
  }));
  return fc.oneof({ arbitrary: edited, weight: 5 }, { arbitrary: joined, weight: 2 }, { arbitrary: flipped, weight: 2 }, { arbitrary: random, weight: 2 });
}

function sourceOf(decode, input) {
  if (input.text !== undefined) return { path: input.path, text: input.text, language: 'yaml' };
  const decoded = decode(input.bytes);
  return { path: input.path, text: decoded.text, language: 'yaml', ...(decoded.error ? { decodeError: decoded.error } : {}) };
}

/**
 * What must hold for any input: linting returns (no exception), every finding points inside the
 * file with an end that does not come before its start, no check fails internally, and the same
 * input gives the same result twice. `lint` lints source files and returns the LintResult;
 * `decode` turns bytes into a source the way files are read (decodeText).
 */
export function checkInvariants(lint, decode, input) {
  const file = sourceOf(decode, input);
  const { path, text } = file;
  const first = lint([file]);
  const lines = text.split('\n');
  for (const f of first.findings) {
    const where = `${f.ruleId} at ${f.line}:${f.column}-${f.endLine}:${f.endColumn} (${f.message})`;
    if (!(Number.isInteger(f.line) && f.line >= 1 && f.line <= lines.length)) throw new Error(`line outside the file (${lines.length} lines): ${where}`);
    if (!(Number.isInteger(f.endLine) && f.endLine >= f.line && f.endLine <= lines.length)) throw new Error(`end line outside the file or before the start: ${where}`);
    if (!(Number.isInteger(f.column) && f.column >= 1 && f.column <= lines[f.line - 1].length + 1)) throw new Error(`column outside its line: ${where}`);
    if (!(Number.isInteger(f.endColumn) && f.endColumn >= 1)) throw new Error(`bad end column: ${where}`);
    if (f.endLine === f.line && f.endColumn < f.column) throw new Error(`span ends before it starts: ${where}`);
    if (f.ruleId === 'internal-error') throw new Error(`a check failed: ${where}`);
  }
  const again = lint([file]);
  if (JSON.stringify(again.findings) !== JSON.stringify(first.findings) || JSON.stringify(again.summary) !== JSON.stringify(first.summary)) {
    throw new Error('linting the same input twice gave different results');
  }
}

#!/usr/bin/env node
// Memory of `k8s-lint lsp` over an hour of editing, replayed as fast as the server answers: a folder
// with the repository's fixtures and a manifest of about 500 lines; edits typed one character at a
// time (and removed again), a line added and taken out now and then, hovers and completions as
// one types, code actions, and a second document opened, edited and closed. An hour is taken as
// 3600 s at two changes a second. Prints the server's resident set size as it goes; exits 1 when it
// ends above the limit.
//
//   npm run build && node scripts/soak-lsp.mjs [--changes 7200] [--limit-mb 200]
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestOfLines, rssOf, startClient, uriOf } from './lsp-client.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const CHANGES = arg('changes', 3600 * 2);
const LIMIT = arg('limit-mb', 200) * 1024 * 1024;
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-soak-lsp-'));
cpSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'), { recursive: true });
const text = manifestOfLines(500);
const path = join(dir, 'app.yaml');
writeFileSync(path, text);
const uri = uriOf(path);
const other = uriOf(join(dir, 'scratch.yaml'));

// No debounce: every change is linted, the most work the server can be given.
const client = await startClient({ root: dir, initializationOptions: { debounceMs: 0 } });
const mb = (n) => (n / 1024 / 1024).toFixed(1);
const samples = [];
const sample = (done) => {
  const rss = rssOf(client.child.pid);
  samples.push(rss);
  console.log(`${String(done).padStart(6)} changes  rss ${mb(rss).padStart(6)} MB`);
};

let version = 1;
let lines = text.split('\n');
await client.open(uri, text);
await client.waitForDiagnostics(uri, { version });
sample(0);
const started = performance.now();
// Where the edits go: the image tag of every fourth Deployment, in turn.
const targets = lines.map((l, i) => (l.includes('image: registry') ? i : -1)).filter((i) => i >= 0);
let otherVersion = 0;
for (let done = 1; done <= CHANGES; done++) {
  const line = targets[Math.floor(done / 20) % targets.length];
  const end = lines[line].length;
  let change;
  if (done % 200 === 0) {
    // A line added (a new field, misspelt) and, 100 changes later, taken out again.
    change = { range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: '          imagePullPolicee: Always\n' };
    lines.splice(line + 1, 0, '          imagePullPolicee: Always');
  } else if (done % 200 === 100 && lines[line + 1]?.includes('imagePullPolicee')) {
    change = { range: { start: { line: line + 1, character: 0 }, end: { line: line + 2, character: 0 } }, text: '' };
    lines.splice(line + 1, 1);
  } else if (done % 2 === 1) {
    change = { range: { start: { line, character: end }, end: { line, character: end } }, text: String(done % 10) };
    lines[line] += String(done % 10);
  } else {
    change = { range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: '' };
    lines[line] = lines[line].slice(0, -1);
  }
  version++;
  await client.change(uri, version, [change]);
  await client.waitForDiagnostics(uri, { version });
  if (done % 10 === 0) await client.hover(uri, line, 12);
  if (done % 10 === 5) await client.completion(uri, line, 10);
  if (done % 25 === 0) await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } });
  if (done % 500 === 250) {
    otherVersion = 1;
    await client.open(other, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: scratch\nspec:\n  ports:\n    - port: 80\n', 'yaml', otherVersion);
    await client.waitForDiagnostics(other, { version: otherVersion });
    await client.change(other, ++otherVersion, [{ text: `apiVersion: v1\nkind: Service\nmetadata:\n  name: scratch\nspec:\n  selector:\n    app: app-${done}\n  ports:\n    - port: 80\n` }]);
    await client.waitForDiagnostics(other, { version: otherVersion });
    await client.closeDocument(other);
  }
  if (done % 500 === 0) sample(done);
}
const seconds = (performance.now() - started) / 1000;
const final = samples[samples.length - 1];
const peak = Math.max(...samples);
console.log(`${CHANGES} changes in ${seconds.toFixed(0)} s (${((seconds * 1000) / CHANGES).toFixed(1)} ms each): rss at start ${mb(samples[0])} MB, peak ${mb(peak)} MB, at the end ${mb(final)} MB (limit ${mb(LIMIT)} MB)`);
await client.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(final > LIMIT ? 1 : 0);

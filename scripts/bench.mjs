#!/usr/bin/env node
// Benchmark: prints throughput on a large replicated corpus, the parse-only floor, the CRD-heavy
// ../shared/corpus-large (cold and warm validator cache, and the same lint repeated in one
// process) against the `yaml` Document-API parse floor, single-file start-up against `node -e 0`,
// explain start-up, and peak RSS. Figures, not pass/fail.
//
//   npm run build && npm run bench [-- --resources 50000 --jobs N --runs 10]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'k8s-lint.js');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const TARGET = Number(arg('resources', '50000'));
const RUNS = Number(arg('runs', '10'));
const JOBS = arg('jobs', undefined);

function manifestFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...manifestFiles(full));
    else if (/\.(ya?ml|json)$/.test(name)) out.push(full);
  }
  return out;
}

/** Documents that look like objects: a rough count used only to size the replicated corpus. */
function countObjects(text) {
  return (text.match(/^\s*"?kind"?\s*:/gm) ?? []).length;
}

function buildCorpus() {
  const shared = join(ROOT, '..', 'shared', 'corpus');
  const sourceDir = existsSync(shared) ? shared : join(ROOT, 'fixtures');
  const sources = manifestFiles(sourceDir).map((f) => ({ rel: relative(sourceDir, f), text: readFileSync(f, 'utf8') }));
  const perCopy = sources.reduce((n, s) => n + countObjects(s.text), 0);
  const copies = Math.max(1, Math.ceil(TARGET / Math.max(1, perCopy)));
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-bench-'));
  let files = 0;
  let bytes = 0;
  for (let c = 0; c < copies; c++) {
    for (const s of sources) {
      const dest = join(dir, `copy-${String(c).padStart(4, '0')}`, s.rel);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, s.text);
      files++;
      bytes += Buffer.byteLength(s.text);
    }
  }
  return { dir, files, bytes, source: sourceDir, copies };
}

const hasTime = existsSync('/usr/bin/time');

/**
 * Runs a command, returning wall seconds, and CPU seconds (user + system) and peak RSS in MB when
 * /usr/bin/time is there.
 */
function timed(cmd, cmdArgs, env = {}) {
  const full = hasTime ? ['/usr/bin/time', ['-f', '%M %U %S', cmd, ...cmdArgs]] : [cmd, cmdArgs];
  const start = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  let rssMb;
  let cpu;
  if (hasTime) {
    const lines = r.stderr.trim().split('\n');
    const [rss, user, sys] = lines[lines.length - 1].split(' ').map(Number);
    rssMb = rss / 1024;
    cpu = user + sys;
  }
  return { seconds, cpu, rssMb, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const corpus = buildCorpus();
console.log(`machine: ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown cpu'}, node ${process.version}`);
console.log(`corpus: ${fmt(corpus.files)} files, ${fmt(corpus.bytes / 1e6, 1)} MB, ${corpus.copies} copies of ${corpus.source}`);

// The floor gets the same plain-object environment as the CLI (see bin/k8s-lint.js), so that the
// ratio compares linting with parsing, not two ways of reading process.env.
const floorScript = `
process.env = { ...process.env };
import { readFileSync } from 'node:fs';
import { expandInputs } from ${JSON.stringify(join(ROOT, 'dist', 'input', 'files.js'))};
import { parseYaml } from ${JSON.stringify(join(ROOT, 'dist', 'parse', 'parse-yaml.js'))};
const { files } = expandInputs([${JSON.stringify(corpus.dir)}]);
let docs = 0;
for (const f of files) docs += parseYaml(f.path, f.text).documents.length;
console.log(docs);
`;
const floor = timed(process.execPath, ['--input-type=module', '-e', floorScript]);

const lintArgs = [BIN, '--format', 'json', corpus.dir, ...(JOBS ? ['--jobs', JOBS] : [])];
const full = timed(process.execPath, lintArgs);
let resources = 0;
try {
  resources = JSON.parse(full.stdout).summary.resources;
} catch {
  console.log(`lint run failed (exit ${full.status}): ${full.stderr.slice(0, 500)}`);
}
console.log('');
console.log(`full lint:        ${fmt(full.seconds, 2)} s, ${fmt(resources)} resources, ${fmt(resources / full.seconds)} resources/s, ${fmt(corpus.files / full.seconds)} files/s, peak RSS ${full.rssMb ? fmt(full.rssMb) + ' MB' : 'n/a'}`);
console.log(`parse-only floor: ${fmt(floor.seconds, 2)} s (read + YAML parse in one process), peak RSS ${floor.rssMb ? fmt(floor.rssMb) + ' MB' : 'n/a'}`);
console.log(`ratio full/floor: ${fmt(full.seconds / floor.seconds, 2)}x`);

benchCorpusLarge();

const one = join(ROOT, 'fixtures', 'cli', 'clean.yaml');
const nodeTimes = [];
const lintTimes = [];
const explainTimes = [];
for (let i = 0; i < RUNS; i++) {
  nodeTimes.push(timed(process.execPath, ['-e', '0']).seconds);
  lintTimes.push(timed(process.execPath, [BIN, one]).seconds);
  explainTimes.push(timed(process.execPath, [BIN, 'explain', 'deploy.spec.replicas']).seconds);
}
console.log('');
console.log(`node -e 0:          ${fmt(median(nodeTimes) * 1000)} ms (median of ${RUNS})`);
console.log(`one small file:     ${fmt(median(lintTimes) * 1000)} ms (median of ${RUNS})`);
console.log(`explain one field:  ${fmt(median(explainTimes) * 1000)} ms (median of ${RUNS})`);
rmSync(corpus.dir, { recursive: true, force: true });

/**
 * The CRD-heavy corpus: a full lint with a cold cache (a first run), a second run (which keeps the
 * scans of the large files the first one marked) and a warm cache, beside the `yaml` Document API
 * alone (parseAllDocuments + toJS over the same bytes, one thread), the floor that a parser below
 * the Document API has to beat.
 */
function benchCorpusLarge() {
  const dir = join(ROOT, '..', 'shared', 'corpus-large');
  if (!existsSync(dir)) {
    console.log('\ncorpus-large: skipped (../shared/corpus-large is absent)');
    return;
  }
  const files = manifestFiles(dir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const yamlEntry = join(ROOT, 'node_modules', 'yaml', 'dist', 'index.js');
  const floorScript = `
process.env = { ...process.env };
const { readFileSync } = require('node:fs');
const { parseAllDocuments } = require(${JSON.stringify(yamlEntry)});
let docs = 0;
for (const f of ${JSON.stringify(files)}) for (const d of parseAllDocuments(readFileSync(f, 'utf8'))) { d.toJS({ maxAliasCount: -1 }); docs++; }
console.log(docs);
`;
  const floor = timed(process.execPath, ['-e', floorScript]);
  const cache = mkdtempSync(join(tmpdir(), 'k8s-lint-bench-cache-'));
  const lintArgs = [BIN, '--format', 'json', dir, ...(JOBS ? ['--jobs', JOBS] : [])];
  const cold = timed(process.execPath, lintArgs, { K8S_LINT_CACHE_DIR: cache });
  const second = timed(process.execPath, lintArgs, { K8S_LINT_CACHE_DIR: cache });
  const warm = timed(process.execPath, lintArgs, { K8S_LINT_CACHE_DIR: cache });
  const repeated = repeatedInOneProcess(dir, cache);
  rmSync(cache, { recursive: true, force: true });
  let objects = 0;
  try {
    objects = JSON.parse(warm.stdout).summary.resources;
  } catch {
    console.log(`corpus-large lint failed (exit ${warm.status}): ${warm.stderr.slice(0, 500)}`);
  }
  const mb = bytes / 1e6;
  const line = (label, r) =>
    `${label} ${fmt(r.seconds, 2)} s wall, ${r.cpu !== undefined ? fmt(r.cpu, 2) + ' s cpu' : 'cpu n/a'}, ${fmt(mb / r.seconds, 2)} MB/s, ${fmt(objects / r.seconds)} objects/s, peak RSS ${r.rssMb ? fmt(r.rssMb) + ' MB' : 'n/a'}`;
  console.log('');
  console.log(`corpus-large: ${fmt(files.length)} files, ${fmt(mb, 1)} MB, ${fmt(objects)} objects`);
  console.log(line('full lint, cold cache:', cold));
  console.log(line('full lint, second run:', second));
  console.log(line('full lint, warm cache:', warm));
  console.log(line('yaml Document API:    ', floor));
  console.log(`ratio warm lint/Document API: ${fmt(warm.seconds / floor.seconds, 2)}x (goal: 0.36x)`);
  if (repeated) {
    console.log(`the same lint ${repeated.length} times in one process (warm cache): ${repeated.map((s) => fmt(s, 2)).join(' s, ')} s`);
    console.log(`  (a run after the first pays no start-up: modules loaded, code compiled and optimised)`);
  }
}

/**
 * Runs the library's lint() on `dir` three times in one process and returns the seconds of each
 * run: what a lint costs once the process is past its start-up, beside the first run's cost.
 */
function repeatedInOneProcess(dir, cache) {
  const script = `
process.env = { ...process.env };
const { lint } = await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});
const times = [];
for (let i = 0; i < 3; i++) {
  const start = process.hrtime.bigint();
  await lint([${JSON.stringify(dir)}]${JOBS ? `, { jobs: ${Number(JOBS)} }` : ''});
  times.push(Number(process.hrtime.bigint() - start) / 1e9);
}
console.log(JSON.stringify(times));
`;
  const r = timed(process.execPath, ['--input-type=module', '-e', script], { K8S_LINT_CACHE_DIR: cache });
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    console.log(`repeated lint failed (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
    return undefined;
  }
}

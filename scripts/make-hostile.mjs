#!/usr/bin/env node
/**
 * Writes the hostile inputs that are too large (or too odd: FIFOs, symbolic link loops) to commit,
 * into a directory given as the first argument (default: a new temporary directory). Prints a JSON
 * description of what was written, with the positions of the findings each case must produce, so
 * that the tests assert exact behaviour rather than "did not crash".
 *
 *   node scripts/make-hostile.mjs [dir] [--only name,name]
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MB = 1024 * 1024;

function configMap(name, dataLines) {
  return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${dataLines}`;
}

/**
 * A 50 MB stream of the kind real bundles have: dashboards in ConfigMap block scalars with
 * Deployments between them. The last document repeats a key, so the run must read to the end
 * and report it at an exact line.
 */
function big(dir) {
  const path = join(dir, 'big-50mb.yaml');
  const chunks = [];
  let size = 0;
  let lines = 0;
  const block = Array.from({ length: 200 }, (_, i) => `    {"panel": ${i}, "title": "requests per second", "expr": "sum(rate(http_requests_total[5m]))"}`).join('\n');
  const deployment = (i) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web-${i}}\n  template:\n    metadata:\n      labels: {app: web-${i}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
  for (let i = 0; size < 50 * MB; i++) {
    // One dashboard for every ten Deployments: about a sixth of the bytes are dense small objects.
    const doc = (i % 11 === 0 ? configMap(`dashboard-${i}`, `  dashboard.json: |\n${block}\n`) : deployment(i)) + '---\n';
    chunks.push(doc);
    size += doc.length;
    lines += doc.split('\n').length - 1;
  }
  const last = configMap('last', '  key: "1"\n  key: "2"\n');
  chunks.push(last);
  writeFileSync(path, chunks.join(''));
  // `key` repeated on the last line of the file.
  return { path, bytes: size + last.length, duplicateAt: { line: lines + 7, column: 3 } };
}

/** One line of 1 MB: a flow mapping whose last key repeats the first. */
function longLine(dir) {
  const path = join(dir, 'long-line-1mb.yaml');
  const head = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata: {';
  const pairs = [];
  let length = 0;
  for (let i = 0; length < MB; i++) {
    const pair = `k${i}: "v"`;
    pairs.push(pair);
    length += pair.length + 2;
  }
  const line = pairs.join(', ') + ', k0: "again"}';
  writeFileSync(path, `${head}${line}\n`);
  const column = 'data: {'.length + pairs.join(', ').length + 2 + 1;
  return { path, duplicateAt: { line: 4, column }, lineLength: 'data: {'.length + line.length };
}

/** 10,000 levels of flow sequences, and 2,000 levels of block mappings. */
function deep(dir) {
  const flow = join(dir, 'deep-flow.yaml');
  writeFileSync(flow, `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
  const block = join(dir, 'deep-block.yaml');
  let text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\nnested:\n';
  for (let i = 1; i <= 2000; i++) text += `${' '.repeat(i)}k${i}:\n`;
  writeFileSync(block, text);
  // The first collection nested one level too deep (257th): flow opens at column 7 of line 4;
  // the block mapping at depth 257 is the key on line 5 + 256.
  return { flow, flowAt: { line: 4, column: 7 + 255 }, block, blockAt: { line: 5 + 256, column: 257 } };
}

/** A billion laughs, and one anchor on a large list used a thousand times. */
function aliases(dir) {
  const laughs = join(dir, 'billion-laughs.yaml');
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`);
  }
  writeFileSync(laughs, lines.join('\n') + '\n');
  const wide = join(dir, 'alias-wide.yaml');
  writeFileSync(wide, `items: &big [${Array(100000).fill('1').join(',')}]\nuses: [${Array(1000).fill('*big').join(', ')}]\n`);
  return { laughs, wide };
}

/** 10,000 small files; one of them has an error at a known place. */
function manyFiles(dir) {
  const root = join(dir, 'many-files');
  for (let i = 0; i < 10000; i++) {
    const sub = join(root, `group-${String(Math.floor(i / 1000)).padStart(2, '0')}`);
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const name = `cm-${String(i).padStart(5, '0')}`;
    const data = i === 4242 ? '  a: "1"\n  a: "2"\n' : '  a: "1"\n';
    writeFileSync(join(sub, `${name}.yaml`), configMap(name, data));
  }
  return { root, files: 10000, errorFile: join(root, 'group-04', 'cm-04242.yaml'), errorAt: { line: 7, column: 3 } };
}

/** Symbolic link loops, a link to `/`, a broken link, a FIFO, and a file nobody may read. */
function oddEntries(dir) {
  const root = join(dir, 'odd');
  mkdirSync(join(root, 'sub'), { recursive: true });
  writeFileSync(join(root, 'sub', 'real.yaml'), configMap('real', '  a: "1"\n'));
  symlinkSync('.', join(root, 'sub', 'loop'));
  symlinkSync('..', join(root, 'sub', 'up'));
  symlinkSync('/', join(root, 'outside'));
  symlinkSync('nowhere.yaml', join(root, 'broken.yaml'));
  symlinkSync('self.yaml', join(root, 'self.yaml'));
  symlinkSync(join('sub', 'real.yaml'), join(root, 'file-link.yaml'));
  let fifo = false;
  try {
    execFileSync('mkfifo', [join(root, 'pipe.yaml')]);
    fifo = true;
  } catch {
    // No mkfifo on this system: the case is skipped by the test.
  }
  const secret = join(root, 'secret.yaml');
  writeFileSync(secret, configMap('secret', '  a: "1"\n'));
  chmodSync(secret, 0o000);
  return { root, fifo, secret };
}

const CASES = { big, longLine, deep, aliases, manyFiles, oddEntries };

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(args.splice(onlyIndex, 2)[1].split(',')) : undefined;
const dir = args[0] ? resolve(args[0]) : mkdtempSync(join(tmpdir(), 'k8s-lint-hostile-'));
mkdirSync(dir, { recursive: true });
const out = { dir };
for (const [name, make] of Object.entries(CASES)) if (!only || only.has(name)) out[name] = make(dir);
process.stdout.write(JSON.stringify(out, null, 2) + '\n');

#!/usr/bin/env node
// Diagnostics latency of `k8s-lint lsp`: opens a manifest of about 500 lines in a folder, then makes
// one edit at a time and measures from sending the change to receiving the diagnostics of that
// version, as an editor would see it (the debounce included), and again with no debounce (the
// linting alone). Figures, not pass/fail; the target is under 100 ms on a developer's machine.
//
//   npm run build && node scripts/bench-lsp.mjs [--lines 500] [--edits 200]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestOfLines, startClient, uriOf } from './lsp-client.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const LINES = arg('lines', 500);
const EDITS = arg('edits', 200);

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

async function measure(debounceMs) {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-bench-lsp-'));
  const text = manifestOfLines(LINES);
  const path = join(dir, 'app.yaml');
  writeFileSync(path, text);
  const client = await startClient({ root: dir, initializationOptions: { debounceMs } });
  const uri = uriOf(path);
  try {
    const t0 = performance.now();
    await client.open(uri, text);
    const first = await client.waitForDiagnostics(uri, { version: 1 });
    const cold = performance.now() - t0;
    // Each edit flips the first Service's nodePort between a value in range and one outside it,
    // so every other version has one more finding: the diagnostics really change.
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('nodePort:'));
    const character = lines[line].indexOf(':') + 2;
    const width = lines[line].length - character;
    const times = [];
    let counts = new Set();
    for (let v = 2; v < EDITS + 2; v++) {
      const value = v % 2 === 0 ? String(40000 + (v % 1000)).padEnd(width, '0').slice(0, width) : String(30100 + (v % 100)).slice(0, width);
      const sent = performance.now();
      await client.change(uri, v, [{ range: { start: { line, character }, end: { line, character: character + width } }, text: value }]);
      const got = await client.waitForDiagnostics(uri, { version: v });
      times.push(performance.now() - sent);
      counts.add(got.diagnostics.length);
    }
    times.sort((a, b) => a - b);
    return { lines: text.split('\n').length - 1, cold, initial: first.diagnostics.length, counts: [...counts].sort(), times };
  } finally {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n) => n.toFixed(1).padStart(6);
for (const debounceMs of [50, 0]) {
  const r = await measure(debounceMs);
  const t = r.times;
  console.log(
    `debounce ${String(debounceMs).padStart(2)} ms: ${r.lines}-line manifest, ${t.length} edits, diagnostics after a change: ` +
      `min ${fmt(t[0])}  median ${fmt(percentile(t, 50))}  p95 ${fmt(percentile(t, 95))}  max ${fmt(t[t.length - 1])} ms` +
      `  (first diagnostics after open ${r.cold.toFixed(0)} ms; ${r.counts.join(' or ')} diagnostics per version)`,
  );
}

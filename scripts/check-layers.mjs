#!/usr/bin/env node
// Keeps the layering of src/ true: no import cycle between files, no folder importing one it must
// not, and each dependency behind its one folder. ARCHITECTURE.md explains the layers; the table
// below is the same in code. Type-only imports count: a loop through types is still a loop.
//
//   node scripts/check-layers.mjs          checks src/, prints each problem, exits 1 on any
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What each part of src/ may import (besides itself). A part is a folder of src/, or a file at the
 * top of src/. Parts lower in the list never import parts higher up.
 */
export const ALLOWED = {
  'types.ts': [],
  text: ['types.ts'],
  input: ['types.ts', 'text'],
  parse: ['types.ts', 'text'],
  k8s: ['types.ts', 'parse'],
  schema: ['types.ts', 'text', 'parse', 'k8s'],
  commands: ['types.ts', 'text'],
  rules: ['types.ts', 'text', 'parse', 'k8s', 'schema', 'commands'],
  suppress: ['types.ts', 'text', 'parse', 'rules'],
  format: ['types.ts', 'rules'],
  explain: ['types.ts', 'text', 'parse', 'schema', 'format'],
  engine: ['types.ts', 'text', 'input', 'parse', 'k8s', 'schema', 'commands', 'rules', 'suppress'],
  config: ['types.ts', 'text', 'input', 'parse', 'rules', 'suppress', 'engine'],
  fix: ['types.ts', 'engine'],
  lsp: ['types.ts', 'input', 'rules', 'suppress', 'explain', 'engine', 'config', 'fix'],
  cli: ['types.ts', 'input', 'rules', 'format', 'explain', 'engine', 'config', 'fix', 'lsp'],
  'index.ts': ['types.ts', 'input', 'rules', 'explain', 'engine', 'fix'],
};

/** Packages that only one part may import, so that replacing one touches one folder. */
export const OWNERS = {
  yaml: 'parse',
  ajv: 'schema',
  '@marcbachmann/cel-js': 'schema',
  picocolors: 'format',
  commander: 'cli',
  'vscode-languageserver': 'lsp',
  'vscode-languageserver-textdocument': 'lsp',
};

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** Import specifiers of one module's text (static, re-exports, side-effect and dynamic imports). */
export function importsOf(text) {
  const out = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The part of src/ a file belongs to: its top folder, or its own name at the top. */
export function partOf(file) {
  const slash = file.indexOf('/');
  return slash < 0 ? file : file.slice(0, slash);
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Problems of a module graph: `modules` maps a file (relative to src/, `engine/lint.ts`) to its
 * import specifiers. Returns sentences, sorted; empty when the layering holds.
 */
export function layeringProblems(modules, allowed = ALLOWED, owners = OWNERS) {
  const problems = [];
  const edges = new Map();
  for (const [file, specs] of modules) {
    const from = partOf(file);
    const targets = [];
    for (const spec of specs) {
      if (spec.startsWith('.')) {
        const target = normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts');
        if (target.startsWith('..')) continue;
        targets.push(target);
        const to = partOf(target);
        if (to === from) continue;
        if (!(from in allowed)) problems.push(`${file}: ${from} is not a known part of src/ (add it to the layer table)`);
        else if (!allowed[from].includes(to)) problems.push(`${file}: ${from} must not import ${to} (${spec})`);
      } else if (!spec.startsWith('node:')) {
        const owner = owners[packageName(spec)];
        if (owner !== undefined && owner !== from) problems.push(`${file}: only ${owner}/ may import '${packageName(spec)}'`);
      }
    }
    edges.set(file, targets.filter((t) => modules.has(t)));
  }
  for (const cycle of cyclesOf(edges)) problems.push(`import cycle among ${cycle.join(', ')}`);
  return problems.sort();
}

/** Strongly connected components with more than one file (or a file importing itself), Tarjan's way. */
export function cyclesOf(edges) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const out = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Every .ts module under `dir`, keyed by its path relative to `dir`, with its import specifiers. */
export function readModules(dir) {
  const modules = new Map();
  const walk = (sub) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.ts')) modules.set(rel, importsOf(readFileSync(join(dir, rel), 'utf8')));
    }
  };
  walk('');
  return modules;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  const problems = layeringProblems(readModules(src));
  for (const p of problems) console.error(`check-layers: src/${p}`);
  if (problems.length > 0) {
    console.error(`check-layers: ${problems.length} problem${problems.length === 1 ? '' : 's'}; see ARCHITECTURE.md for the layers`);
    process.exit(1);
  }
  console.log(`check-layers: ${readModules(src).size} modules of ${relative(process.cwd(), src) || 'src'}, no cycle, every import allowed`);
}

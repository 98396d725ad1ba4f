#!/usr/bin/env node
// Bundles the command line into dist/bundle/ (after tsc has type-checked and emitted dist/).
// Start-up of a one-file run is mostly module loading: one bundle with lazily loaded chunks for
// the schema stage, explain and the worker pool loads in a fraction of the time of ~200 modules.
// The library entry (dist/index.js) stays tsc's per-module output.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', worker: 'src/engine/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // ajv stays a runtime dependency: the precompiled validators require its runtime helpers by name.
  external: ['ajv', 'ajv/*'],
  // Bundled CommonJS dependencies (yaml, commander) call require() for Node built-ins.
  banner: { js: "import { createRequire as __k8sLintRequire } from 'node:module'; const require = __k8sLintRequire(import.meta.url);" },
  logLevel: 'warning',
});

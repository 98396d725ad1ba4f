// Preloaded with `node --import`: prints on exit every file under schemas/crd-catalog/ the process read.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const read = new Set();
const original = fs.readFileSync;
fs.readFileSync = function (path, ...rest) {
  if (String(path).includes('crd-catalog')) read.add(String(path).replace(/^.*crd-catalog[\\/]/, ''));
  return original.call(this, path, ...rest);
};
syncBuiltinESMExports();
process.on('exit', () => process.stderr.write(`catalog-reads: ${[...read].sort().join(',')}\n`));

/**
 * Compares `runExplain` with real `kubectl explain` output (kubectl 1.32 against the Kubernetes 1.36
 * OpenAPI documents) kept outside the repository in ../shared/explain-golden: stdout and stderr byte
 * for byte, and the exit code. Our hints are extra stderr lines after kubectl's, so stderr is
 * compared on kubectl's lines and the rest must be hint lines.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExplain, type ExplainArgs } from '../src/explain/index.js';
import { explainApiFrom, type ExplainApi } from '../src/explain/source.js';
import { hasSwagger, swaggerSource } from './explain-support/openapi-source.js';

const GOLDEN_DIR = new URL('../../shared/explain-golden/', import.meta.url).pathname;
const QUERIES = GOLDEN_DIR + 'queries.tsv';

interface Query {
  file: string;
  args: string[];
  exit: number;
  stderrFile: string;
}

function readQueries(): Query[] {
  const [, ...rows] = readFileSync(QUERIES, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return rows.map((row) => {
    const [file = '', args = '', exit = '0', stderrFile = ''] = row.split('\t');
    return { file, args: args.split(' '), exit: Number(exit), stderrFile };
  });
}

/** kubectl's command line (`explain TYPE --recursive --api-version=x --output=y`) as explain arguments. */
function parseExplainCommand(words: readonly string[]): ExplainArgs {
  const [command, ...rest] = words;
  if (command !== 'explain') throw new Error(`not an explain command: ${words.join(' ')}`);
  const args: ExplainArgs = { target: '', kubernetesVersion: '1.36' };
  for (const word of rest) {
    if (word === '--recursive') args.recursive = true;
    else if (word.startsWith('--api-version=')) args.apiVersion = word.slice('--api-version='.length);
    else if (word.startsWith('--output=')) args.output = word.slice('--output='.length) as ExplainArgs['output'];
    else if (word.startsWith('--')) throw new Error(`unexpected flag ${word}`);
    else args.target = word;
  }
  return args;
}

/**
 * Each query runs twice: through the bundled catalog (what users get) and straight from the
 * upstream swagger.json the goldens were made from, which checks the renderer on its own.
 */
const SOURCES = [
  { name: 'bundled catalog', needsSwagger: false, api: (): ExplainApi | undefined => undefined },
  { name: 'upstream swagger.json', needsSwagger: true, api: () => (swaggerApi ??= explainApiFrom(swaggerSource('1.36'))) },
];
let swaggerApi: ExplainApi | undefined;

for (const source of SOURCES) {
  const available = existsSync(QUERIES) && (!source.needsSwagger || hasSwagger('1.36'));
  describe.skipIf(!available)(`kubectl explain goldens (Kubernetes 1.36, ${source.name})`, () => {
    const queries = available ? readQueries() : [];
    it('has queries', () => {
      expect(queries.length).toBeGreaterThan(0);
    });
    for (const query of queries) {
      it(query.args.join(' '), () => {
        const result = runExplain(parseExplainCommand(query.args), source.api());
        const expectedStdout = readFileSync(GOLDEN_DIR + query.file, 'utf8');
        const expectedStderr = query.stderrFile ? readFileSync(GOLDEN_DIR + query.stderrFile, 'utf8') : '';
        expect(result.stdout).toBe(expectedStdout);
        expect(result.stderr.slice(0, expectedStderr.length)).toBe(expectedStderr);
        const extra = result.stderr.slice(expectedStderr.length).split('\n').filter((line) => line !== '');
        for (const line of extra) expect(line).toMatch(/^hint: /);
        expect(result.exitCode).toBe(query.exit);
      });
    }
  });
}

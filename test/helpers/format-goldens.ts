import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatResult, type FormatName, type ReportContext } from '../../src/format/index.js';
import { lintSources } from '../../src/engine/lint.js';
import { allRuleMetas } from '../../src/rules/index.js';
import { suppressionRuleMetas } from '../../src/suppress/index.js';
import type { LintResult } from '../../src/types.js';
import { ROOT } from './cli.js';

/** The one manifest set every format golden is made from. */
export const FORMAT_FIXTURES = 'fixtures/format/input';
export const GOLDEN_DIR = join(ROOT, 'fixtures/format/golden');

export const GOLDEN_FILES: Record<FormatName, string> = {
  compact: 'compact.txt',
  github: 'github.txt',
  json: 'json.json',
  junit: 'junit.xml',
  sarif: 'sarif.json',
  stylish: 'stylish.txt',
};

/** Fixed paths and version, so that goldens are the same on every machine and release. */
export const GOLDEN_CONTEXT: ReportContext = {
  rules: [...allRuleMetas(), ...suppressionRuleMetas],
  root: '/repo',
  cwd: '/repo',
  toolVersion: '0.0.0-golden',
};

/**
 * The rules the goldens show. Every other rule is off, so that a new rule elsewhere does not
 * change the goldens of the formatters; these give errors, a warning, hints, a List and a syntax error.
 */
const GOLDEN_RULES = new Set(['duplicate-key', 'image-tag', 'label-syntax', 'nodeport-range', 'required-fields', 'yaml-syntax']);

/** Lints the format fixtures the way the CLI does, without a schema stage (its messages are tested elsewhere). */
export function goldenResult(): LintResult {
  const dir = join(ROOT, FORMAT_FIXTURES);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: `${FORMAT_FIXTURES}/${name}`, text: readFileSync(join(dir, name), 'utf8'), language: 'yaml' as const }));
  const rules = Object.fromEntries(allRuleMetas().map((m) => [m.id, GOLDEN_RULES.has(m.id) ? m.severity : 'off'] as const));
  return lintSources(files, { kubernetesVersion: '1.36', rules });
}

export function renderGolden(format: FormatName, result: LintResult = goldenResult()): string {
  return formatResult(format, { result, sources: result.sources, color: false, context: GOLDEN_CONTEXT });
}

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES } from '../src/format/index.js';
import { escapeData, escapeProperty } from '../src/format/github.js';
import { escapeXml } from '../src/format/junit.js';
import { colors } from '../src/format/colors.js';
import { summaryLine } from '../src/format/summary.js';
import { GOLDEN_DIR, GOLDEN_FILES, goldenResult, renderGolden } from './helpers/format-goldens.js';

/** `node scripts/update-format-goldens.mjs` sets this to rewrite the goldens instead of comparing. */
const UPDATE = process.env.K8S_LINT_UPDATE_GOLDENS === '1';

describe('format goldens (fixtures/format)', () => {
  const result = goldenResult();

  it('lints the fixture set to findings of every severity in several files', () => {
    expect(new Set(result.findings.map((f) => f.file)).size).toBeGreaterThanOrEqual(3);
    expect(result.summary.errors).toBeGreaterThan(0);
    expect(result.summary.warnings).toBeGreaterThan(0);
    expect(result.files?.map((f) => f.path)).toContain('fixtures/format/input/clean.yaml');
  });

  for (const format of FORMAT_NAMES) {
    it(`${format} matches fixtures/format/golden/${GOLDEN_FILES[format]}`, () => {
      const actual = renderGolden(format, result);
      const file = join(GOLDEN_DIR, GOLDEN_FILES[format]);
      if (UPDATE) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, actual);
      }
      expect(existsSync(file), `${file} is missing: run node scripts/update-format-goldens.mjs`).toBe(true);
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('gives the same bytes for the same input', () => {
    for (const format of FORMAT_NAMES) expect(renderGolden(format)).toBe(renderGolden(format, result));
  });
});

describe('escaping', () => {
  it('escapes workflow command data and properties as GitHub specifies', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">&'\u0001</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });

  it('github: repository-relative file, escaped properties, one line per finding', () => {
    const lines = renderGolden('github').trimEnd().split('\n');
    expect(lines).toHaveLength(result().findings.length);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=fixtures\/format\/input\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::\S/);
    expect(lines.join('\n')).toContain('duplicate key "example.com/a,b%25c"');
  });
});

function result() {
  return goldenResult();
}

describe('summary line', () => {
  const line = (errors: number, warnings: number, infos: number) =>
    summaryLine({ findings: [], sources: new Map(), summary: { files: 2, resources: 3, errors, warnings, infos, unchecked: 0, notices: [] } }, colors(false));

  it('counts errors and warnings, and notes only when there are some', () => {
    expect(line(1, 0, 0)).toBe('2 files, 3 resources: 1 error, 0 warnings');
    expect(line(0, 2, 1)).toBe('2 files, 3 resources: 0 errors, 2 warnings, 1 info');
    expect(line(0, 0, 3)).toBe('2 files, 3 resources: 0 errors, 0 warnings, 3 infos');
  });
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { renderGolden } from './helpers/format-goldens.js';
import { runCli } from './helpers/cli.js';

/**
 * The SARIF 2.1.0 JSON schema (rtm.5, the schema published with the 2.1.0 standard) as shipped
 * by Microsoft's @microsoft/jest-sarif package; it is a draft-04 schema, hence ajv-draft-04.
 */
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

function validator() {
  // The schema's `language` pattern has a stray `]`, legal only without the regex `u` flag.
  // A CommonJS module: its class is on `default` under NodeNext resolution.
  const ajv = new Ajv04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  // The formats the schema uses, checked by hand (no format package needed for three of them).
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT/.test(s) && !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

function errorsOf(log: unknown): string {
  const validate = validator();
  return validate(log) ? '' : JSON.stringify(validate.errors, null, 2);
}

describe('sarif output', () => {
  it('the golden validates against the SARIF 2.1.0 schema', () => {
    expect(errorsOf(JSON.parse(renderGolden('sarif')))).toBe('');
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(renderGolden('sarif')) as { runs: { results: Record<string, unknown>[] }[] };
    delete log.runs[0]!.results[0]!.message;
    expect(errorsOf(log)).not.toBe('');
  });

  it('has real regions, rule metadata and repository-relative URIs', () => {
    const log = JSON.parse(renderGolden('sarif')) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: Record<string, number> } }[] }[];
      }[];
    };
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0]!;
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual([...rules.map((r) => r.id)].sort());
    for (const r of run.results) {
      expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const loc = r.locations[0]!.physicalLocation;
      expect(loc.artifactLocation).toMatchObject({ uriBaseId: '%SRCROOT%' });
      expect(loc.artifactLocation.uri).toMatch(/^fixtures\/format\/input\/[a-z]+\.yaml$/);
      expect(loc.region.startLine).toBeGreaterThan(0);
      expect(loc.region.endColumn).toBeGreaterThan(loc.region.startColumn!);
    }
    const range = rules.find((r) => r.id === 'nodeport-range')!;
    expect(range.helpUri).toMatch(/docs\/rules\/nodeport-range\.md$/);
    expect(range.defaultConfiguration.level).toBe('error');
    const warning = run.results.find((r) => r.ruleId === 'image-tag')!;
    expect(warning.level).toBe('warning');
    expect(warning.locations[0]!.physicalLocation.region).toEqual({ startLine: 23, startColumn: 18, endLine: 23, endColumn: 23 });
  });

  it('the CLI writes valid SARIF to a file next to stylish on stdout, with the package version', () => {
    const out = `${process.env.TMPDIR ?? '/tmp'}/k8s-lint-sarif-${process.pid}/out.sarif`;
    const r = runCli(['--format', 'stylish', '--format', `sarif=${out}`, 'fixtures/format/input/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/4 files, 5 resources/);
    const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { tool: { driver: { version: string } }; results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(errorsOf(log)).toBe('');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(log.runs[0]!.tool.driver.version).toBe(pkg.version);
    // The checkout is a git repository: URIs are relative to its top level.
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('fixtures/format/input/broken.yaml');
  });
});

import { readFileSync } from 'node:fs';
import { lintSources, type LintOptions } from '../../src/engine/lint.js';
import type { Finding } from '../../src/types.js';
import { parseExpectations, type Expectation } from './expectations.js';
import { crdObjectsIn, defaultLintOptions } from '../../src/engine/setup.js';

export interface FixtureOutcome {
  missing: Expectation[];
  unexpected: Finding[];
}

function matches(e: Expectation, f: Finding): boolean {
  if (e.ruleId !== f.ruleId || e.line !== f.line || e.column !== f.column) return false;
  if (e.length !== undefined && f.endLine === f.line && f.endColumn - f.column !== e.length) return false;
  if (e.message !== undefined && e.message !== f.message) return false;
  return true;
}

/** Lints a fixture through the same pipeline as the CLI and compares against its inline expectations. */
export async function runFixture(path: string, language: 'yaml' | 'json' = 'yaml'): Promise<FixtureOutcome> {
  const text = readFileSync(path, 'utf8');
  const { expectations, options } = parseExpectations(text);
  // As the CLI does, CustomResourceDefinitions in the linted files define their custom resources.
  const source = { path, text, language };
  const crdObjects = crdObjectsIn([source]);
  const given = options as LintOptions;
  const lintOptions: LintOptions = await defaultLintOptions(crdObjects.length > 0 ? { ...given, crdObjects: [...(given.crdObjects ?? []), ...crdObjects] } : given);
  const result = lintSources([source], lintOptions);
  const unexpected = [...result.findings];
  const missing: Expectation[] = [];
  for (const e of expectations) {
    const i = unexpected.findIndex((f) => matches(e, f));
    if (i >= 0) unexpected.splice(i, 1);
    else missing.push(e);
  }
  return { missing, unexpected };
}

export function describeOutcome(o: FixtureOutcome): string {
  const lines = [
    ...o.missing.map((e) => `missing:    ${e.line}:${e.column} ${e.ruleId}${e.length ? ` (len ${e.length})` : ''}${e.message ? `: ${e.message}` : ''}`),
    ...o.unexpected.map((f) => `unexpected: ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}: ${f.message}`),
  ];
  return lines.join('\n');
}

import type { Finding, LintResult, ResourceRef } from '../types.js';
import { byFile } from './context.js';

/** Escapes text for XML attributes and content; drops characters XML 1.0 cannot carry. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

interface TestCase {
  name: string;
  findings: Finding[];
}

function resourceName(ref: ResourceRef): string {
  const what = [ref.kind ?? 'object', ref.namespace ? `${ref.namespace}/${ref.name ?? '?'}` : (ref.name ?? '?')].join(' ');
  return `${what} (document ${ref.document})`;
}

function sameObject(a: ResourceRef, b: ResourceRef): boolean {
  return a.document === b.document && a.kind === b.kind && a.name === b.name && a.namespace === b.namespace;
}

/**
 * One test case per object read from the file. A finding about a document rather than an object
 * (a syntax error, a duplicate key) belongs to that document's only object when it holds one, or
 * to a test case of its own; a file with nothing in it is one passing test case.
 */
function testCases(resources: readonly ResourceRef[], findings: readonly Finding[]): TestCase[] {
  const cases: (TestCase & { ref?: ResourceRef })[] = resources.map((ref) => ({ name: resourceName(ref), findings: [], ref }));
  for (const f of findings) {
    const ref = f.resource;
    let target = ref?.kind || ref?.name ? cases.find((c) => c.ref && sameObject(c.ref, ref)) : undefined;
    if (!target && ref) {
      const inDocument = cases.filter((c) => c.ref?.document === ref.document);
      if (inDocument.length === 1) target = inDocument[0];
    }
    if (!target) {
      const name = ref ? `document ${ref.document}` : 'file';
      target = cases.find((c) => !c.ref && c.name === name);
      if (!target) cases.push((target = { name, findings: [] }));
    }
    target.findings.push(f);
  }
  if (cases.length === 0) cases.push({ name: 'file', findings: [] });
  return cases;
}

function line(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.ruleId}]${f.hint ? `\n  hint: ${f.hint}` : ''}`;
}

/**
 * JUnit XML as CI test reporters read it: a suite per file, a case per object, a `<failure>` per
 * error (with its position); warnings and infos go to the case's `<system-out>` and do not fail it.
 */
export function formatJunit(result: LintResult): string {
  const grouped = byFile(result.findings);
  const files = result.files ?? [...grouped.keys()].map((path) => ({ path, resources: [] }));
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const file of files) {
    const cases = testCases(file.resources, grouped.get(file.path) ?? []);
    const failures = cases.filter((c) => c.findings.some((f) => f.severity === 'error')).length;
    totalTests += cases.length;
    totalFailures += failures;
    const body = cases.map((c) => {
      const errors = c.findings.filter((f) => f.severity === 'error');
      const others = c.findings.filter((f) => f.severity !== 'error');
      const parts = [
        ...errors.map((f) => `      <failure message="${escapeXml(`${f.line}:${f.column} ${f.message}`)}" type="${escapeXml(f.ruleId)}">${escapeXml(line(f))}</failure>`),
        ...(others.length > 0 ? [`      <system-out>${escapeXml(others.map(line).join('\n'))}</system-out>`] : []),
      ];
      const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(file.path)}" time="0"`;
      return parts.length === 0 ? `${open}/>` : `${open}>\n${parts.join('\n')}\n    </testcase>`;
    });
    suites.push(
      `  <testsuite name="${escapeXml(file.path)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${body.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="k8s-lint" tests="${totalTests}" failures="${totalFailures}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

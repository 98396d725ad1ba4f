import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';
import { ensureDebianTool } from './helpers/debian-tool.js';
import { goldenResult, renderGolden } from './helpers/format-goldens.js';

/** The JUnit schema that Jenkins-style reporters accept, kept with the shared corpus beside the checkout. */
const XSD = join(ROOT, '../shared/corpus/kubeconform-fixtures/junit.xsd');

function count(text: string, re: RegExp): number {
  return [...text.matchAll(re)].length;
}

describe('junit output', () => {
  const xml = renderGolden('junit');
  const result = goldenResult();

  it('has a suite per file, a case per object and a failure per error', () => {
    expect(count(xml, /<testsuite /g)).toBe(result.files!.length);
    const objects = result.files!.reduce((n, f) => n + Math.max(1, f.resources.length), 0);
    expect(count(xml, /<testcase /g)).toBe(objects);
    expect(count(xml, /<failure /g)).toBe(result.summary.errors);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="k8s-lint" tests="(\d+)"/);
    const tests = Number(/<testsuites [^>]*tests="(\d+)"/.exec(xml)![1]);
    expect(tests).toBe(count(xml, /<testcase /g));
    // Warnings are reported but do not fail their case.
    expect(xml).toMatch(/<system-out>[^<]*warning: image &quot;nginx&quot;/);
  });

  it('is well-formed XML and valid against the JUnit XSD (xmllint)', (ctx) => {
    if (!existsSync(XSD)) ctx.skip(`no JUnit XSD at ${XSD}`);
    const tool = ensureDebianTool('xmllint', 'libxml2-utils');
    if (!tool.ok) ctx.skip(tool.reason);
    const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-junit-'));
    const file = join(dir, 'report.xml');
    writeFileSync(file, xml);
    const ok = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
    expect(ok.stderr.trim()).toBe(`${file} validates`);
    expect(ok.status).toBe(0);
    // The check can fail: a testcase without its required name is rejected.
    writeFileSync(file, xml.replace('<testcase name=', '<testcase label='));
    expect(spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' }).status).not.toBe(0);
  });
});

import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/engine/lint.js';
import { LintWorkspace } from '../src/engine/workspace.js';
import { compareWalkOrder, expandInputs } from '../src/input/files.js';
import type { SourceFile } from '../src/types.js';
import { deployment, widgetCrd } from './helpers/manifests.js';

const FIXTURES = resolve('fixtures');

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;
const crd = (kind: string) => widgetCrd({ kind });

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-workspace-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const source = (path: string, text: string): SourceFile => ({ path, text, language: 'yaml' });

describe('LintWorkspace', () => {
  it('gives the findings lint() gives for the same folder', async () => {
    const { files } = expandInputs([FIXTURES]);
    const workspace = await LintWorkspace.open(FIXTURES, files);
    const expected = await lint([FIXTURES]);
    expect(workspace.result().findings).toEqual(expected.findings);
    expect(workspace.result().findings.length).toBeGreaterThan(100);
  });

  it('relints one changed file and redoes the cross-resource checks over all', async () => {
    const dir = folder({ 'svc.yaml': SERVICE, 'apps/deploy.yaml': deployment('web') });
    const { files } = expandInputs([dir]);
    const workspace = await LintWorkspace.open(dir, files);
    expect(workspace.result().findings.filter((f) => f.ruleId === 'service-selector')).toEqual([]);
    // The Deployment's pods no longer carry the Service's label: the Service's file gets the finding.
    expect(workspace.update(source(join(dir, 'apps/deploy.yaml'), deployment('api')))).toBe(true);
    writeFileSync(join(dir, 'apps/deploy.yaml'), deployment('api'));
    const expected = await lint([dir]);
    expect(expected.findings.some((f) => f.ruleId === 'service-selector' && f.file === join(dir, 'svc.yaml'))).toBe(true);
    expect(workspace.result().findings).toEqual(expected.findings);
    workspace.remove(join(dir, 'apps/deploy.yaml'));
    expect(workspace.paths).toEqual([join(dir, 'svc.yaml')]);
  });

  it('says when a change of CustomResourceDefinitions needs new schemas', async () => {
    const dir = folder({ 'crd.yaml': crd('Widget'), 'w.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n' });
    const workspace = await LintWorkspace.open(dir, expandInputs([dir]).files);
    expect(workspace.result().findings.map((f) => f.ruleId)).toContain('schema');
    expect(workspace.crdObjects).toHaveLength(1);
    expect(workspace.update(source(join(dir, 'w.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n'))).toBe(true);
    expect(workspace.update(source(join(dir, 'crd.yaml'), crd('Gadget')))).toBe(false);
    expect(workspace.remove(join(dir, 'crd.yaml'))).toBe(false);
    expect(workspace.remove(join(dir, 'w.yaml'))).toBe(true);
  });

  it('applies the Pod Security labels of Namespaces in other files, and says when they change', async () => {
    const ns = (level: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: ${level}\n`;
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  hostNetwork: true\n  containers:\n    - name: c\n      image: nginx:1.27\n';
    const dir = folder({ 'ns.yaml': ns('baseline'), 'pod.yaml': pod });
    const workspace = await LintWorkspace.open(dir, expandInputs([dir]).files);
    const expected = await lint([dir]);
    expect(expected.findings.some((f) => f.ruleId === 'pod-security' && f.file === join(dir, 'pod.yaml'))).toBe(true);
    expect(workspace.result().findings).toEqual(expected.findings);
    expect(workspace.update(source(join(dir, 'pod.yaml'), pod))).toBe(true);
    expect(workspace.update(source(join(dir, 'ns.yaml'), ns('privileged')))).toBe(false);
  });
});

describe('reading a folder within limits', () => {
  it('stops at the file budget and says so', () => {
    const { files, notices } = expandInputs([FIXTURES], { budget: { maxFiles: 3, maxBytes: 1 << 30 } });
    expect(files).toHaveLength(3);
    expect(notices.some((n) => n.startsWith('stopped reading after 3 files'))).toBe(true);
    const small = expandInputs([FIXTURES], { budget: { maxFiles: 1000, maxBytes: 2000 } });
    expect(small.files.reduce((n, f) => n + f.text.length, 0)).toBeLessThanOrEqual(2000);
  });

  it('skips what the skip predicate names', () => {
    const all = expandInputs([FIXTURES]).files.length;
    const some = expandInputs([FIXTURES], { skip: (p) => p.includes('/rules/') }).files;
    expect(some.length).toBeLessThan(all);
    expect(some.every((f) => !f.path.includes('/rules/'))).toBe(true);
  });

  it('orders paths as the walk reads them', () => {
    const order = expandInputs([FIXTURES]).files.map((f) => relative(FIXTURES, f.path));
    expect([...order].sort(compareWalkOrder)).toEqual(order);
    expect(['b/x.yaml', 'c.yaml', 'a/y.yaml', 'a.yaml'].sort(compareWalkOrder)).toEqual(['a.yaml', 'c.yaml', 'a/y.yaml', 'b/x.yaml']);
  });
});

// Drives `k8s-lint lsp --stdio` as an editor does: a spawned process, JSON-RPC over its standard streams.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, startClient, uriOf, type CompletionItem, type LspClient } from '../scripts/lsp-client.mjs';
import { deployment } from './helpers/manifests.js';

const MANIFEST = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
\tmode: fast
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
    - port: 80
      nodePort: 30080
      protocl: TCP
`;


let dir: string;
let client: LspClient;
const svcUri = () => uriOf(join(dir, 'svc.yaml'));

const items = (r: CompletionItem[] | { items: CompletionItem[] } | null) => (Array.isArray(r) ? r : (r?.items ?? []));

/** What the command line reports for one file of the folder, as editor ranges. */
function cliFindings(file: string) {
  const run = spawnSync(process.execPath, [BIN, '.', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const { findings } = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; message: string; hint?: string; line: number; column: number; endLine: number; endColumn: number }[] };
  return findings
    .filter((f) => f.file === file)
    .map((f) => ({ code: f.ruleId, message: f.hint ? `${f.message}\n${f.hint}` : f.message, range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } } }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'k8s-lint-lsp-'));
  writeFileSync(join(dir, 'svc.yaml'), MANIFEST);
  // Not open in the editor: read from disk, and its pods do not carry the Service's label.
  writeFileSync(join(dir, 'deploy.yaml'), deployment('api'));
  // Found as the command line finds it: this rule is off for the folder.
  writeFileSync(join(dir, '.k8s-lint.yaml'), 'rules:\n  nodeport-target-port: off\n');
  client = await startClient({ root: dir });
});

afterAll(async () => {
  expect(await client?.stop()).toBe(0);
});

describe('k8s-lint lsp', () => {
  it('publishes the command line\'s findings for an opened manifest, at the same ranges, with the rule\'s page', async () => {
    expect(client.initialized.capabilities).toMatchObject({ hoverProvider: true, codeActionProvider: expect.anything(), completionProvider: expect.anything() });
    await client.open(svcUri(), MANIFEST);
    const { diagnostics, version } = await client.waitForDiagnostics(svcUri());
    expect(version).toBe(1);
    const tab = diagnostics.find((d) => d.code === 'yaml-syntax')!;
    expect(tab).toMatchObject({ severity: 1, source: 'k8s-lint', range: { start: { line: 5, character: 0 }, end: { line: 5, character: 1 } } });
    expect(tab.message).toMatch(/^tab character used for indentation/);
    const unknown = diagnostics.find((d) => d.code === 'schema')!;
    expect(unknown).toMatchObject({ message: expect.stringContaining('unknown field "spec.ports[0].protocl"'), range: { start: { line: 18, character: 6 }, end: { line: 18, character: 13 } } });
    expect(unknown.codeDescription?.href).toMatch(/\/docs\/rules\/schema\.md$/);
    // A cross-resource finding from a file that is not open.
    expect(diagnostics.map((d) => d.code)).toContain('service-selector');
    expect(diagnostics.map(({ code, message, range }) => ({ code, message, range }))).toEqual(cliFindings('svc.yaml'));
  });

  it('shows a key\'s explain text on hover, and the kind with its versions on kind', async () => {
    const hover = await client.hover(svcUri(), 17, 9);
    expect(hover?.contents.value).toContain('nodePort\t<integer>');
    expect(hover?.contents.value).toContain('The port on each node on which this service is exposed');
    expect(hover?.range).toEqual({ start: { line: 17, character: 6 }, end: { line: 17, character: 14 } });
    const kind = await client.hover(svcUri(), 8, 8);
    expect(kind?.contents.value).toMatch(/\*\*Service\*\*/);
    expect(kind?.contents.value).toContain('Served as: `v1`');
    expect(await client.hover(svcUri(), 14, 5)).toBeNull(); // a label key: a value of a map, not a field
  });

  it('completes field names under spec: of a Service, values of enum fields, and apiVersions', async () => {
    const uri = uriOf(join(dir, 'new.yaml'));
    await client.open(uri, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec:\n  \n  type: \n');
    const fields = items(await client.completion(uri, 5, 2));
    const labels = fields.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['ports', 'selector', 'clusterIP']));
    expect(labels).not.toContain('type'); // already there
    expect(fields.find((i) => i.label === 'ports')).toMatchObject({ detail: '<[]ServicePort>', textEdit: { newText: 'ports: ' } });
    const values = items(await client.completion(uri, 6, 8)).map((i) => i.label);
    expect(values).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    await client.change(uri, 2, [{ text: 'apiVersion: \nkind: Deployment\nspec:\n  \n' }]);
    expect(items(await client.completion(uri, 0, 12)).map((i) => i.label)).toEqual(['apps/v1']);
    await client.change(uri, 3, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, text: 'apps/v1' }]);
    const deploymentFields = items(await client.completion(uri, 3, 2)).map((i) => i.label);
    expect(deploymentFields).toEqual(expect.arrayContaining(['replicas', 'selector', 'template', 'strategy']));
    // Under spec: of a Service, as the brief of the feature says: ports, selector, type.
    await client.change(uri, 4, [{ text: 'apiVersion: v1\nkind: Service\nspec:\n  \n' }]);
    expect(items(await client.completion(uri, 3, 2)).map((i) => i.label)).toEqual(expect.arrayContaining(['ports', 'selector', 'type']));
    await client.closeDocument(uri);
  });

  it('publishes new diagnostics after a change', async () => {
    // Fix the misspelt field with an incremental edit; the tab stays.
    await client.change(svcUri(), 2, [{ range: { start: { line: 18, character: 6 }, end: { line: 18, character: 13 } }, text: 'protocol' }]);
    const fixed = await client.waitForDiagnostics(svcUri(), { version: 2 });
    expect(fixed.diagnostics.map((d) => d.code)).not.toContain('schema');
    expect(fixed.diagnostics.map((d) => d.code)).toContain('yaml-syntax');
    await client.change(svcUri(), 3, [{ range: { start: { line: 17, character: 16 }, end: { line: 17, character: 21 } }, text: '80' }]);
    const range = await client.waitForDiagnostics(svcUri(), { version: 3 });
    const outside = range.diagnostics.find((d) => d.code === 'nodeport-range')!;
    expect(outside.range).toEqual({ start: { line: 17, character: 16 }, end: { line: 17, character: 18 } });
    // Off in the folder's configuration.
    expect(range.diagnostics.map((d) => d.code)).not.toContain('nodeport-target-port');
  });

  it('offers "disable for this line" for a diagnostic', async () => {
    const { diagnostics } = await client.waitForDiagnostics(svcUri(), { version: 3 });
    const outside = diagnostics.find((d) => d.code === 'nodeport-range')!;
    const actions = (await client.codeActions(svcUri(), outside.range, [outside]))!;
    const disable = actions.find((a) => a.title === 'Disable nodeport-range for this line')!;
    expect(disable.edit?.changes?.[svcUri()]).toEqual([{ range: { start: { line: 17, character: 18 }, end: { line: 17, character: 18 } }, newText: '  # k8s-lint-disable-line nodeport-range' }]);
  });

  it('sees files of the folder change on disk', async () => {
    writeFileSync(join(dir, 'deploy.yaml'), deployment('web'));
    const next = client.waitForDiagnostics(svcUri());
    await client.filesChanged([{ uri: uriOf(join(dir, 'deploy.yaml')), type: 2 }]);
    expect((await next).diagnostics.map((d) => d.code)).not.toContain('service-selector');
  });

  it('does not lint its own configuration file as a manifest', async () => {
    const uri = uriOf(join(dir, '.k8s-lint.yaml'));
    await client.open(uri, 'rules:\n  nodeport-target-port: off\n');
    expect((await client.waitForDiagnostics(uri)).diagnostics).toEqual([]);
    await client.closeDocument(uri);
  });

  it('lints the kubectl commands of a shell script', async () => {
    const uri = uriOf(join(dir, 'deploy.sh'));
    await client.open(uri, '#!/bin/sh\nkubectl get pods --bogus-flag\n', 'shellscript');
    const { diagnostics } = await client.waitForDiagnostics(uri);
    expect(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character])).toEqual([['kubectl-unknown-flag', 1, 17]]);
    await client.closeDocument(uri);
  });

  it('clears the diagnostics of a closed document', async () => {
    const cleared = client.waitForDiagnostics(svcUri());
    await client.closeDocument(svcUri());
    expect((await cleared).diagnostics).toEqual([]);
    expect(client.stderr()).toBe('');
  });
});

describe('k8s-lint lsp with a broken configuration', () => {
  it('says what is wrong, once, and lints nothing in the folder, as the command line stops', async () => {
    const bad = mkdtempSync(join(tmpdir(), 'k8s-lint-lsp-bad-'));
    writeFileSync(join(bad, '.k8s-lint.yaml'), 'rules:\n  no-such-rule: off\n');
    const other = await startClient({ root: bad });
    try {
      const uri = uriOf(join(bad, 'svc.yaml'));
      await other.open(uri, MANIFEST);
      expect((await other.waitForDiagnostics(uri)).diagnostics).toEqual([]);
      expect(other.messages).toEqual([{ type: 1, message: 'k8s-lint: .k8s-lint.yaml:2:3: unknown rule "no-such-rule"; k8s-lint rules lists every id' }]);
      // Fixed on disk: read again, and linted.
      writeFileSync(join(bad, '.k8s-lint.yaml'), 'rules:\n  nodeport-range: off\n');
      const next = other.waitForDiagnostics(uri);
      await other.filesChanged([{ uri: uriOf(join(bad, '.k8s-lint.yaml')), type: 2 }]);
      expect((await next).diagnostics.map((d) => d.code)).toContain('schema');
    } finally {
      expect(await other.stop()).toBe(0);
    }
  });
});

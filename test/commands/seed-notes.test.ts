/**
 * The study notes the project comes from (../shared/seeds) teach `kubectl run` as it was before
 * 1.18. Linted as text notes, each outdated command must be reported at its line, and nothing
 * else: the commands that still work today must stay clean. Skips when ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectCommandLanguage, lintCommandText } from '../../src/commands/index.js';

const seeds = new URL('../../../shared/seeds/', import.meta.url).pathname;
const files = existsSync(seeds) ? readdirSync(seeds).filter((name) => name.endsWith('.txt')) : [];

// line:column rule severity, for the notes' 000_*.txt file.
const EXPECTED = [
  // (optional, if error exists) kubectl drain <node-name> --ignore-daemonsets --delete-local-data
  '319:76 kubectl-unknown-flag error',
  // $ kubectl logs deployment httpd --follow --tail 1
  '484:18 kubectl-resource-syntax error',
  // $ kubectl create deployment nginx-template --image nginx --dry-run -o yaml
  '584:59 kubectl-dry-run-value warning',
  // $ kubectl expose deploy/test-port --port 80 --dry-run -o yaml.
  '595:46 kubectl-dry-run-value warning',
  // $ kubectl create job testing --image nginx --dry-run -o yaml
  '603:45 kubectl-dry-run-value warning',
  // $ kubectl run test --image nginx --restart OnFailure --dry-run=server -o yaml
  '613:35 kubectl-run-pod-only warning',
  // $ kubectl run test --image nginx --restar Never --dry-run -o yaml
  '614:35 kubectl-unknown-flag error',
  '614:50 kubectl-dry-run-value warning',
  // $ kubectl run test --image nginx --schedule "*/1 * * * *" --dry-run -o yaml
  '615:35 kubectl-run-pod-only error',
  '615:60 kubectl-dry-run-value warning',
];

describe.skipIf(files.length === 0)('seed notes', () => {
  it('reports exactly the outdated commands', () => {
    const file = files.find((name) => name.startsWith('000_'))!;
    const text = readFileSync(join(seeds, file), 'utf8');
    expect(detectCommandLanguage(file, text)).toBe('text');
    const findings = lintCommandText(file, text, 'text');
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}`)).toEqual(EXPECTED);
  });

  it('never crashes on any seed file', () => {
    for (const name of files) {
      const text = readFileSync(join(seeds, name), 'utf8');
      expect(() => lintCommandText(name, text, 'text')).not.toThrow();
    }
  });
});

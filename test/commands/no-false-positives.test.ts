/**
 * Text that never invokes kubectl must never produce a finding, in any language, and no input
 * may make the linter throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintCommandText } from '../../src/commands/index.js';

const LANGUAGES = ['shell', 'markdown', 'text', 'makefile', 'ci-yaml'] as const;
const PIECES = ['$ ', '# ', '\t', ' ', '\n', '\\\n', '"', "'", '`', '$(', ')', '|', '&&', ';', '<<EOF\n', 'EOF\n', '```bash\n', '```\n', 'run: ', '- ', 'script:', '--dry-run', '--generator=run-pod/v1', '-it', 'get', 'pods', 'deployment', 'httpd', 'kube', 'ctl', 'k', 'sudo', '<node>', '{{.x}}', 'x=1'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));

describe('no false positives', () => {
  it('reports nothing where kubectl is not invoked', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...LANGUAGES), (input, language) => {
        fc.pre(!input.includes('kubectl'));
        expect(lintCommandText('.gitlab-ci.yml', input, language)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws and keeps positions inside the text', () => {
    const withKubectl = fc.array(fc.oneof(fc.constantFrom(...PIECES, 'kubectl ', 'kubectl run x ', '--restar ', '--schedule '), fc.string({ maxLength: 4 })), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(withKubectl, fc.constantFrom(...LANGUAGES), (input, language) => {
        const lines = input.split('\n');
        for (const finding of lintCommandText('.github/workflows/x.yml', input, language)) {
          expect(finding.line).toBeGreaterThanOrEqual(1);
          expect(finding.line).toBeLessThanOrEqual(lines.length);
          expect(finding.column).toBeGreaterThanOrEqual(1);
          expect(finding.endLine > finding.line || finding.endColumn > finding.column).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('survives unterminated quotes and escapes at the end of the text', () => {
    for (const input of ['"\\', "kubectl get '", 'kubectl get "a\\', 'kubectl get $(', 'kubectl get `', 'kubectl get ${', 'x <<EOF']) {
      for (const language of LANGUAGES) expect(() => lintCommandText('x', input, language)).not.toThrow();
    }
  });

  it('stays quiet on the prose, output and non-kubectl commands of a note', () => {
    const note = [
      'Para exponer un puerto se usa el comando "kubectl expose --bogus" el cual crea un servicio.',
      '# kubeadm init --apiserver-advertise-address=192.168.1.37 --node-name=node1',
      '$ sudo systemctl restart kubelet',
      '\t--pod-manifest-path=/etc/kubelet.d/',
      'httpenv-np   NodePort    10.105.224.225   <none>        8888:30627/TCP   6s',
      '\t--dry-run -o yaml',
    ].join('\n');
    expect(lintCommandText('notes.txt', note, 'text')).toEqual([]);
  });
});

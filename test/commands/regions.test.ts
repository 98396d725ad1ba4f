import { describe, expect, it } from 'vitest';
import { detectCommandLanguage, extractMarkdownYamlBlocks, lintCommandText } from '../../src/commands/index.js';
import type { CommandLanguage } from '../../src/commands/region.js';
import { commandRegions } from '../../src/commands/regions.js';

function regionTexts(text: string, language: CommandLanguage, file = ''): string[] {
  return commandRegions(text, language, file).map((region) => text.slice(region.start, region.end));
}

describe('detectCommandLanguage', () => {
  it.each([
    ['deploy.sh', '', 'shell'],
    ['scripts/setup.bash', '', 'shell'],
    ['bin/deploy', '#!/usr/bin/env bash\nkubectl get pods\n', 'shell'],
    ['bin/deploy', '#!/bin/sh\n', 'shell'],
    ['tools/release.command', '#!/bin/zsh\n', 'shell'],
    ['bin/tool', '#!/usr/bin/env python3\n', undefined],
    ['Makefile', '', 'makefile'],
    ['build/rules.mk', '', 'makefile'],
    ['README.md', '', 'markdown'],
    ['docs/guide.markdown', '', 'markdown'],
    ['notes/kubernetes.txt', '', 'text'],
    ['.github/workflows/ci.yml', '', 'ci-yaml'],
    ['repo/.github/workflows/release.yaml', '', 'ci-yaml'],
    ['.gitlab-ci.yml', '', 'ci-yaml'],
    ['k8s/deployment.yaml', '', undefined],
    ['.github/dependabot.yml', '', undefined],
  ])('%s → %s', (path, text, language) => {
    expect(detectCommandLanguage(path, text)).toBe(language);
  });
});

describe('text notes', () => {
  it('reads prompted lines, bare kubectl lines and a leading remark; not prose', () => {
    const text = [
      '\t$ kubectl get pods',
      '    # kubectl get nodes',
      '\tkubectl drain <node>',
      '\t(optional) kubectl drain <node> --force',
      'Para exponer un puerto se usa el comando "kubectl expose" el cual crea un servicio',
      'apiVersion: # usa kubectl api-versions para ver las versiones',
      '$ cat pod.yml | kubectl create -f -',
      '\t$ kubectl run a \\',
      '\t  --image=b',
      '\t$',
    ].join('\n');
    expect(regionTexts(text, 'text')).toEqual([
      'kubectl get pods',
      'kubectl get nodes',
      'kubectl drain <node>',
      'kubectl drain <node> --force',
      'cat pod.yml | kubectl create -f -',
      'kubectl run a \\\n\t  --image=b',
    ]);
  });

  it('does not join a line without a backslash to the next one', () => {
    const text = '\t$ kubectl run test --image nginx --port 80 --expose\n\t--dry-run -o yaml\n';
    expect(lintCommandText('notes.txt', text, 'text')).toEqual([]);
  });
});

describe('markdown', () => {
  const markdown = [
    'Run `kubectl run x --generator=run-pod/v1` in prose: not linted.',
    '```bash',
    'kubectl get pods',
    '```',
    '~~~console',
    '$ kubectl get nodes',
    'NAME STATUS',
    '~~~',
    '```',
    'kubectl get ns',
    'output line',
    '```',
    '```yaml',
    'kind: Pod',
    '```',
    '  ```sh',
    '  kubectl get cm',
    '  ```',
    '```bash',
    '$ kubectl get svc',
    'svc/web',
    '```',
  ].join('\n');

  it('reads script blocks whole and prompted blocks line by line', () => {
    expect(regionTexts(markdown, 'markdown')).toEqual(['kubectl get pods\n', 'kubectl get nodes', 'kubectl get ns', '  kubectl get cm\n', 'kubectl get svc']);
  });

  it('extracts yaml blocks with their offset and first line', () => {
    const blocks = extractMarkdownYamlBlocks(markdown);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toEqual({ startLine: 14, startOffset: markdown.indexOf('kind: Pod'), text: 'kind: Pod\n' });
  });

  it('runs an unclosed fence to the end of the file', () => {
    expect(extractMarkdownYamlBlocks('```yml\na: 1\n')).toEqual([{ startLine: 2, startOffset: 7, text: 'a: 1\n' }]);
  });
});

describe('makefile', () => {
  it('reads recipe lines only, without @ - + prefixes, with continuations', () => {
    const text = [
      'VAR = kubectl get nope \\',
      '\tstill the variable',
      'deploy: build',
      '\t@kubectl apply -f k8s/',
      '\t-kubectl delete pod x \\',
      '\t  --now',
      '# comment',
      '\t+kubectl get pods',
      'other := value',
      '\tnot a recipe after an assignment',
    ].join('\n');
    expect(regionTexts(text, 'makefile')).toEqual(['kubectl apply -f k8s/', 'kubectl delete pod x \\\n\t  --now', 'kubectl get pods']);
  });
});

describe('ci yaml', () => {
  it('reads GitHub run steps: plain, block and quoted scalars', () => {
    const text = [
      'steps:',
      '  - run: kubectl get pods',
      '  - run: |',
      '      kubectl get a',
      '      kubectl get b',
      '    name: x',
      "  - run: 'kubectl get c'",
      '  - run: "kubectl get \\"d\\""',
      '  - with:',
      '      script: kubectl get e',
    ].join('\n');
    expect(regionTexts(text, 'ci-yaml', '.github/workflows/ci.yml')).toEqual(['kubectl get pods', '      kubectl get a\n      kubectl get b', 'kubectl get c']);
  });

  it('reads GitLab script lists and strings', () => {
    const text = [
      'job:',
      '  script:',
      '    - kubectl get a',
      '    - >',
      '      kubectl get',
      '      b',
      '  after_script: kubectl get c',
      '  run: kubectl get d',
    ].join('\n');
    expect(regionTexts(text, 'ci-yaml', '.gitlab-ci.yml')).toEqual(['kubectl get a', '      kubectl get\n      b', 'kubectl get c']);
  });
});

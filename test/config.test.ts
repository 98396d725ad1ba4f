import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIgnoreMatcher, globToRegExp } from '../src/config/glob.js';
import { ConfigError, findConfigFile, loadConfigFile } from '../src/config/load.js';
import { ROOT, runCli } from './helpers/cli.js';

const PROJECT = join(ROOT, 'fixtures/config/project');
const TYPO = join(ROOT, 'fixtures/config/typo');

function configIn(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'k8s-lint-config-'));
  const file = join(dir, '.k8s-lint.yaml');
  writeFileSync(file, text);
  return file;
}

function problemOf(text: string): string {
  try {
    loadConfigFile(configIn(text));
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message.replace(/^.*\.k8s-lint\.yaml:/, '');
  }
  return 'no problem';
}

describe('config file', () => {
  it('a misspelt rule id exits 2 naming the file and the line of the typo (--config)', () => {
    const r = runCli(['--config', 'fixtures/config/typo/.k8s-lint.yaml', 'fixtures/cli/clean.yaml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('k8s-lint: fixtures/config/typo/.k8s-lint.yaml:5:3: unknown rule "nodeprot-range" (did you mean "nodeport-range"?); k8s-lint rules lists every id\n');
  });

  it('is found by walking up from the working directory', () => {
    expect(findConfigFile(join(PROJECT, 'manifests'))).toBe(join(PROJECT, '.k8s-lint.yaml'));
    const r = runCli([join(ROOT, 'fixtures/cli/clean.yaml')], { cwd: TYPO });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^k8s-lint: \.k8s-lint\.yaml:5:3: unknown rule "nodeprot-range"/);
    expect(runCli(['--no-config', join(ROOT, 'fixtures/cli/clean.yaml')], { cwd: TYPO }).code).toBe(0);
  });

  it('applies severities, options, ignore globs and suppression settings', () => {
    const r = runCli(['-f', 'compact', '.'], { cwd: PROJECT });
    // nodePort 80 is inside the configured range; vendor/ and *.generated.yaml are skipped;
    // the untagged images are errors; the unused directive is not reported (off in the config);
    // nodePort equal to port gets its informational note.
    expect(r.stdout).toBe(
      'manifests/pod.yaml:11:14: error: image "nginx" has no tag, so it means "nginx:latest", whatever that is on the day a node pulls it [image-tag]\n' +
        'manifests/service.yaml:11:17: info: nodePort 80 equals port: clients outside the cluster use port 80 of any node, clients inside use port 80 of the Service, and the pod must listen on port 80 (targetPort is not set) [nodeport-target-port]\n' +
        'nested/pod.yaml:11:14: error: image "nginx" has no tag, so it means "nginx:latest", whatever that is on the day a node pulls it [image-tag]\n',
    );
    expect(r.code).toBe(1);
    expect(runCli(['.'], { cwd: PROJECT }).stdout).toContain('note: 2 files skipped by the ignore patterns of the configuration');
  });

  it('flags win over the config', () => {
    const shown = JSON.parse(runCli(['--print-config', 'manifests/pod.yaml', '--kubernetes-version', '1.33', '--namespace', 'x'], { cwd: PROJECT }).stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({ kubernetesVersion: '1.33', namespace: 'x', configFile: '.k8s-lint.yaml', ignored: false });
    const fromConfig = JSON.parse(runCli(['--print-config', 'vendor/broken.yaml'], { cwd: PROJECT }).stdout) as {
      kubernetesVersion: string;
      ignored: boolean;
      rules: Record<string, { severity: string; options?: Record<string, unknown> }>;
    };
    expect(fromConfig.kubernetesVersion).toBe('1.34'); // written as a number, read as written
    expect(fromConfig.ignored).toBe(true);
    expect(fromConfig.rules['nodeport-range']).toEqual({ severity: 'error', options: { min: 80, max: 32767 } });
    expect(fromConfig.rules['unused-disable-directive']).toEqual({ severity: 'off' });
    expect(fromConfig.rules['container-probes']).toEqual({ severity: 'off' });
  });

  it('reports each kind of mistake where it is', () => {
    expect(problemOf('rules:\n  nodeport-range:\n    options: { mni: 1 }\n')).toMatch(/^3:16: rule "nodeport-range" has no option "mni" \(did you mean "min"\?\)/);
    expect(problemOf('rules:\n  nodeport-range:\n    options: { min: "80" }\n')).toMatch(/^3:21: option "min" of rule "nodeport-range" must be a number/);
    expect(problemOf('rules:\n  image-tag: loud\n')).toMatch(/^2:14: the setting of rule "image-tag" must be off, error, warning, info/);
    expect(problemOf('rules:\n  image-tag: { level: error }\n')).toMatch(/^2:16: unknown key "level"/);
    expect(problemOf('kubernetesVersion: 1.3x\n')).toMatch(/^1:20: kubernetesVersion must be a minor version/);
    expect(problemOf('extend: all\n')).toMatch(/^1:1: unknown setting "extend" \(did you mean "extends"\?\)/);
    expect(problemOf('extends: everything\n')).toMatch(/^1:10: extends must be one of "recommended", "all", "security" or a list of them/);
    expect(problemOf('extends: [recommended, secure]\n')).toMatch(/^1:24: extends must be one of/);
    expect(problemOf('podSecurity: strict\n')).toMatch(/^1:14: podSecurity level must be privileged, baseline or restricted/);
    expect(problemOf('podSecurity:\n  "prod/**": restricted:v2.1\n')).toMatch(/^2:14: podSecurity level must be/);
    expect(problemOf('ignore: [a, 3]\n')).toMatch(/^1:13: ignore entries must be strings/);
    expect(problemOf('strict: maybe\n')).toMatch(/^1:9: strict must be true or false/);
    expect(problemOf('rules: [a]\n')).toMatch(/^1:8: rules must be a mapping/);
    expect(problemOf('rules:\n\timage-tag: off\n')).toMatch(/^2:1: tab character used for indentation/);
    expect(problemOf('- a\n')).toMatch(/^1:1: the configuration must be a mapping/);
    expect(problemOf('# only a comment\n')).toBe('no problem');
    // YAML reads 1.30 as the number 1.3; the version is taken from the text as written.
    expect(loadConfigFile(configIn('kubernetesVersion: 1.30\n')).config.kubernetesVersion).toBe('1.30');
    expect(problemOf('rules:\n  image-tag: off\n  nodeport-range: { severity: off }\n')).toBe('no problem');
  });

  it('a config that cannot be read is exit 2 with one sentence', () => {
    const r = runCli(['--config', 'no/such/.k8s-lint.yaml', 'fixtures/cli/clean.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('k8s-lint: no/such/.k8s-lint.yaml: cannot read the configuration (no such file)\n');
  });
});

describe('ignore globs', () => {
  const m = (patterns: string[], path: string) => createIgnoreMatcher(patterns)(path);

  it('matches names at any depth, anchored paths, directories and negations', () => {
    expect(m(['*.generated.yaml'], 'a/b/x.generated.yaml')).toBe(true);
    expect(m(['*.generated.yaml'], 'a/b/x.yaml')).toBe(false);
    expect(m(['vendor/'], 'vendor/x.yaml')).toBe(true);
    expect(m(['vendor/'], 'deep/vendor/x.yaml')).toBe(true);
    expect(m(['vendor/'], 'vendor')).toBe(false); // a file named vendor: the pattern wants a directory
    expect(m(['charts/*/templates'], 'charts/web/templates/deploy.yaml')).toBe(true);
    expect(m(['charts/*/templates'], 'x/charts/web/templates/deploy.yaml')).toBe(false);
    expect(m(['/top.yaml'], 'top.yaml')).toBe(true);
    expect(m(['**/tmp/**'], 'a/tmp/b/c.yaml')).toBe(true);
    expect(m(['gen/', '!gen/keep.yaml'], 'gen/keep.yaml')).toBe(false);
    expect(m(['gen/', '!gen/keep.yaml'], 'gen/drop.yaml')).toBe(true);
    expect(m(['*.{yml,json}'], 'a/b.json')).toBe(true);
    expect(m(['file?.yaml'], 'file1.yaml')).toBe(true);
    expect(m(['[ab].yaml'], 'c.yaml')).toBe(false);
  });

  it('escapes regular expression characters', () => {
    expect(globToRegExp('a+b.(c)').test('a+b.(c)')).toBe(true);
    expect(globToRegExp('a.yaml').test('abyaml')).toBe(false);
  });
});

describe('--quiet and --max-warnings', () => {
  const warning = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: nginx\n';

  it('--max-warnings: exit 1 only when warnings exceed the limit', () => {
    expect(runCli(['-'], { input: warning }).code).toBe(0);
    expect(runCli(['--max-warnings', '1', '-'], { input: warning }).code).toBe(0);
    const over = runCli(['--max-warnings', '0', '-'], { input: warning });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('k8s-lint: too many warnings (1; --max-warnings is 0)\n');
    expect(runCli(['--max-warnings', 'lots', '-'], { input: warning }).code).toBe(2);
  });

  it('info findings are printed but count toward neither the exit code nor --max-warnings', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: NodePort\n  ports:\n    - port: 80\n      targetPort: 9090\n';
    const r = runCli(['--max-warnings', '0', '--format', 'compact', '-'], { input: service });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<stdin>:9:19: info: NodePort Service: reachable on every node');
    expect(r.stdout).toContain('[nodeport-target-port]');
    expect(runCli(['--quiet', '--format', 'compact', '-'], { input: service }).stdout).not.toContain('nodeport-target-port');
  });

  it('--quiet: warnings are neither printed nor counted', () => {
    const r = runCli(['--quiet', '--max-warnings', '0', '-'], { input: warning });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 file, 1 resource: 0 errors, 0 warnings\n');
  });
});

describe('README', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('the example config is valid', () => {
    const block = /```yaml\n(# \.k8s-lint\.yaml\n[\s\S]*?)```/.exec(readme)![1]!;
    const loaded = loadConfigFile(configIn(block));
    expect(loaded.config).toMatchObject({ extends: 'recommended', kubernetesVersion: '1.34', namespace: 'shop' });
    expect(loaded.config.rules).toMatchObject({ 'image-tag': 'error', 'unused-disable-directive': 'off' });
  });

  it('the problem matcher reads compact output', () => {
    const regexp = /"regexp": "(.*?)",\n/.exec(readme)![1]!.replace(/\\\\/g, '\\');
    const line = runCli(['-f', 'compact', 'fixtures/format/input/services.yaml']).stdout.split('\n')[0]!;
    expect(new RegExp(regexp).exec(line)?.slice(1)).toEqual(['fixtures/format/input/services.yaml', '16', '21', 'error', 'nodePort 80 is outside the NodePort range 30000-32767', 'nodeport-range']);
  });
});

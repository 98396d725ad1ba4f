import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/cli.js';

/** The package as users import it: by name, from the built files, with its declared exports. */
describe('library API', () => {
  it('lints text and explains fields through `import ... from "k8s-lint"`', () => {
    const script = `
      import { lintText, runExplain } from 'k8s-lint';
      const r = await lintText('apiVersion: apps/v1\\nkind: Deployment\\nmetadata: {name: a}\\nspec:\\n  replicas: "3"\\n');
      console.log(JSON.stringify(r.findings.map((f) => [f.line, f.column, f.ruleId])));
      console.log(runExplain({ target: 'deploy.spec.replicas' }).stdout.split('\\n')[4]);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const [findings, field] = r.stdout.trim().split('\n');
    expect(JSON.parse(findings!)).toEqual([
      [4, 1, 'schema'],
      [4, 1, 'schema'],
      [5, 13, 'schema'],
    ]);
    expect(field).toBe('FIELD: replicas <integer>');
  });
});

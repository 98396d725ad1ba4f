import type { Command } from 'commander';
import type { CliIO } from './io.js';
import { docsUrl } from '../rules/define-rule.js';
import { allRuleMetas } from '../rules/index.js';
import { BUNDLED_KUBERNETES_VERSIONS } from '../engine/options.js';

/** The lines of `k8s-lint versions`: every bundled minor, the default marked, and the gaps named. */
export function versionsText(minors: readonly string[] = BUNDLED_KUBERNETES_VERSIONS): string {
  const newest = minors[minors.length - 1];
  const lines = minors.map((v) => (v === newest ? `${v}  (default)` : v));
  const missing: string[] = [];
  for (let i = 1; i < minors.length; i++) {
    const [major, from] = (minors[i - 1] ?? '').split('.').map(Number);
    const to = Number((minors[i] ?? '').split('.')[1]);
    for (let m = (from ?? 0) + 1; m < to; m++) missing.push(`${major}.${m}`);
  }
  if (missing.length > 0) lines.push('', `not bundled: ${missing.join(', ')} (no package carries their API; see schemas/README.md)`);
  return `${lines.join('\n')}\n`;
}

/** `k8s-lint rules [id]`: the list of checks, or one in detail; `k8s-lint versions`. */
export function registerInfoCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('versions')
    .description('list the bundled Kubernetes versions (select one with --kubernetes-version)')
    .action(() => {
      io.stdout(versionsText());
    });
  program
    .command('rules')
    .description('list the rules (id, severity, description), or show one')
    .argument('[id]', 'a rule id')
    .action((id: string | undefined) => {
      const metas = allRuleMetas();
      if (id) {
        const meta = metas.find((m) => m.id === id);
        if (!meta) {
          io.stderr(`k8s-lint: unknown rule "${id}" (see k8s-lint rules)\n`);
          setExit(2);
          return;
        }
        const lines = [
          `${meta.id}`,
          `  ${meta.description}`,
          `  severity: ${meta.severity}`,
          `  category: ${meta.category}`,
          `  recommended: ${meta.recommended ? 'yes' : 'no'}`,
          ...(meta.defaultOptions ? [`  options: ${JSON.stringify(meta.defaultOptions)}`] : []),
          `  docs: ${docsUrl(meta.id)}`,
        ];
        io.stdout(lines.join('\n') + '\n');
        return;
      }
      const width = Math.max(...metas.map((m) => m.id.length));
      const rows = metas.map((m) => `${m.id.padEnd(width)}  ${m.severity.padEnd(7)}  ${m.recommended ? ' ' : '*'} ${m.description}`);
      io.stdout(rows.join('\n') + '\n\n* not in the recommended set; enable with `extends: all` or per rule in .k8s-lint.yaml\n');
    });
}

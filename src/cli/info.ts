import type { Command } from 'commander';
import type { CliIO } from './io.js';
import { docsUrl } from '../rules/define-rule.js';
import { allRuleMetas } from '../rules/index.js';

/** `k8s-lint rules [id]`: the list of checks, or one in detail. */
export function registerInfoCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
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

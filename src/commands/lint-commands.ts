/** Lints the kubectl command lines of one file. Pure: text in, findings out. */
import type { Finding, Severity } from '../types.js';
import { findInvocations } from './invocations.js';
import { LineIndex } from './line-index.js';
import { parseKubectl } from './parse-kubectl.js';
import type { CommandLanguage } from './region.js';
import { commandRegions } from './regions.js';
import { COMMAND_RULES } from './rules/index.js';
import { lexShell } from './shell-lexer.js';

export interface CommandLintOptions {
  /** Per-rule severity override; `'off'` disables the rule. */
  rules?: Record<string, Severity | 'off'>;
}

export function lintCommandText(file: string, text: string, language: CommandLanguage, options: CommandLintOptions = {}): Finding[] {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const region of commandRegions(text, language, file)) {
    const lexed = lexShell(text, region.start, region.end, { foldNewlines: region.fold ?? false });
    for (const invocation of findInvocations(lexed)) {
      const command = parseKubectl(invocation);
      for (const rule of COMMAND_RULES) {
        const override = options.rules?.[rule.id];
        if (override === 'off') continue;
        for (const report of rule.check(command, text)) {
          const key = `${report.ruleId}:${report.start}:${report.end}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            file,
            ...lines.span(report.start, report.end),
            ruleId: report.ruleId,
            severity: override ?? report.severity,
            message: report.message,
            pointer: '',
            ...(report.hint ? { hint: report.hint } : {}),
            ...(report.fix ? { fix: report.fix } : {}),
          });
        }
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

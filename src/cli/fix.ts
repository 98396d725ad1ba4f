/** `--fix`, `--fix-dry-run`, `--fix-type`, `--fix-rule`: which fixes run, and where fixed texts go. */
import { readFileSync, writeFileSync } from 'node:fs';
import { UsageError } from '../input/usage-error.js';
import { unifiedDiff, type FixFilter, type FixedFile } from '../fix/index.js';
import type { RuleCategory, RuleMeta } from '../rules/define-rule.js';
import type { CliIO } from './io.js';

export interface FixFlags {
  fix?: boolean;
  fixDryRun?: boolean;
  fixType?: string[];
  fixRule?: string[];
}

const CATEGORIES: readonly RuleCategory[] = ['syntax', 'schema', 'correctness', 'deprecation', 'best-practice', 'commands'];

/** Undefined when no fix was asked for; else which findings' fixes to apply. Throws UsageError for a bad flag. */
export function fixFilterOf(flags: FixFlags, rules: readonly RuleMeta[]): FixFilter | undefined {
  if (flags.fix && flags.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together: --fix-dry-run shows what --fix would write');
  const asked = flags.fix === true || flags.fixDryRun === true;
  if (!asked) {
    if (flags.fixType !== undefined) throw new UsageError('--fix-type only applies with --fix or --fix-dry-run');
    if (flags.fixRule !== undefined) throw new UsageError('--fix-rule only applies with --fix or --fix-dry-run');
    return undefined;
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const type of flags.fixType ?? []) {
    if (!CATEGORIES.includes(type as RuleCategory)) throw new UsageError(`--fix-type takes ${CATEGORIES.join(', ')}, not "${type}"`);
  }
  for (const id of flags.fixRule ?? []) {
    if (!byId.has(id)) throw new UsageError(`--fix-rule: unknown rule "${id}"; k8s-lint rules lists every id`);
  }
  const types = flags.fixType ? new Set(flags.fixType) : undefined;
  const ids = flags.fixRule ? new Set(flags.fixRule) : undefined;
  return (finding) => {
    if (ids && !ids.has(finding.ruleId)) return false;
    const category = byId.get(finding.ruleId)?.category;
    return !types || (category !== undefined && types.has(category));
  };
}

const UTF8_BOM = '\uFEFF';

/** Writes a fixed file back, keeping a UTF-8 BOM it had. Files read as UTF-16 are left as they are (false). */
function writeBack(path: string, text: string): boolean {
  const head = readFileSync(path).subarray(0, 3);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return false;
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  writeFileSync(path, bom ? UTF8_BOM + text : text);
  return true;
}

/**
 * Where the fixed texts go: `--fix-dry-run` prints a unified diff of each changed file; `--fix`
 * writes changed files in place and prints a fixed standard input to standard output. Returns
 * true when standard output holds a fixed document (the report must then go to standard error).
 */
export function emitFixes(files: readonly FixedFile[], dryRun: boolean, io: CliIO): boolean {
  let stdinPrinted = false;
  for (const file of files) {
    if (dryRun) {
      io.stdout(unifiedDiff(file.path, file.before, file.after));
    } else if (file.path === '<stdin>') {
      io.stdout(file.after);
      stdinPrinted = true;
    } else if (file.after !== file.before && !writeBack(file.path, file.after)) {
      io.stderr(`k8s-lint: ${file.path}: not written, it is UTF-16; convert it to UTF-8 to fix it\n`);
    }
  }
  return stdinPrinted;
}

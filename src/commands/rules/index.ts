/** The kubectl command-line rules, sorted by id. */
import type { CommandRule } from './command-rule.js';
import { dryRunValue } from './dry-run-value.js';
import { resourceSyntax } from './resource-syntax.js';
import { runGenerator } from './run-generator.js';
import { runPodOnly } from './run-pod-only.js';
import { unknownFlag } from './unknown-flag.js';

export const COMMAND_RULES: readonly CommandRule[] = [dryRunValue, resourceSyntax, runGenerator, runPodOnly, unknownFlag];

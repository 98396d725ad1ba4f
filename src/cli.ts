import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from './files.js';
import { shouldColor } from './format/colors.js';
import { FORMAT_NAMES, formatResult, isFormatName } from './format/index.js';
import { DEFAULT_KUBERNETES_VERSION, lint } from './lint.js';
import { registerInfoCommands } from './cli-info.js';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  readStdin: () => string;
  env: NodeJS.ProcessEnv;
}

const defaultIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  readStdin: () => readFileSync(0, 'utf8'),
  env: process.env,
});

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

interface LintFlags {
  format: string;
  kubernetesVersion: string;
  strict: boolean;
  namespace: string;
  color?: boolean;
  markdown: boolean;
  jobs?: string;
}

/** Runs the command line; returns the exit code. Never throws for bad input: exit 2 with one sentence. */
export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const program = new Command('k8s-lint')
    .description('Lint Kubernetes manifests offline, with exact line:column positions')
    .version(packageVersion(), '-V, --version')
    .argument('[paths...]', 'files or directories to lint; - reads standard input')
    .addOption(new Option('-f, --format <name>', `output format: ${FORMAT_NAMES.join(', ')}`).default('stylish'))
    .option('--kubernetes-version <version>', 'Kubernetes version to check against', DEFAULT_KUBERNETES_VERSION)
    .option('--no-strict', 'report unknown fields as warnings instead of errors')
    .option('--namespace <name>', 'namespace of objects that have none', 'default')
    .option('--no-markdown', 'do not lint Markdown files found in directories')
    .option('-j, --jobs <n>', 'worker threads for large inputs (default: number of cores)')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false)
    .action(async (paths: string[], flags: LintFlags) => {
      if (paths.length === 0) throw new UsageError('no input: give files or directories to lint, or - for standard input (see --help)');
      if (!isFormatName(flags.format)) throw new UsageError(`unknown format "${flags.format}" (use one of: ${FORMAT_NAMES.join(', ')})`);
      const jobs = flags.jobs === undefined ? undefined : Number(flags.jobs);
      if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw new UsageError(`--jobs takes a whole number of at least 1, not "${flags.jobs}"`);
      const result = await lint(paths, {
        ...(jobs !== undefined ? { jobs } : {}),
        kubernetesVersion: flags.kubernetesVersion,
        strict: flags.strict,
        namespace: flags.namespace,
        markdown: flags.markdown,
        readStdin: io.readStdin,
      });
      const color = shouldColor(flags.color, io.stdoutIsTTY, io.env);
      io.stdout(formatResult(flags.format, { result, sources: result.sources, color }));
      const internal = result.findings.some((f) => f.ruleId === 'internal-error');
      exitCode = internal ? 2 : result.summary.errors > 0 ? 1 : 0;
    });
  registerInfoCommands(program, io, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2; // commander already printed its one-line error
    }
    if (error instanceof UsageError) {
      io.stderr(`k8s-lint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`k8s-lint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return exitCode;
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { UsageError } from '../input/usage-error.js';
import { configureLintCommand } from './lint.js';
import { registerExplainCommands } from './explain.js';
import { registerInfoCommands } from './info.js';
import { registerLspCommand } from './lsp.js';
import type { CliIO } from './io.js';

export type { CliIO } from './io.js';

/** A closed pipe (`k8s-lint … | head`) ends the run quietly instead of with a stack trace. */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const defaultIO = (): CliIO => (quietOnClosedPipe(), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin: () => readFileSync(0),
  env: process.env,
});

/** The version in our package.json, found by walking up (the CLI runs from dist/ or from dist/bundle/). */
function packageVersion(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'k8s-lint' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}

/** Runs the command line; returns the exit code. Never throws for bad input: exit 2 with one sentence. */
export async function main(argv: readonly string[], io: CliIO = defaultIO()): Promise<number> {
  let exitCode = 0;
  const version = packageVersion();
  const program = new Command('k8s-lint')
    .description('Lint Kubernetes manifests offline, with exact line:column positions.\nPaths are files or directories (read recursively); - reads standard input.')
    .usage('[options] <paths...>')
    .version(version, '-V, --version')
    .argument('[paths...]')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);
  configureLintCommand(program, io, (code) => (exitCode = code), version);
  registerInfoCommands(program, io, (code) => (exitCode = code));
  registerExplainCommands(program, io, (code) => (exitCode = code));
  registerLspCommand(program, io);
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

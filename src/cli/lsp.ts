import type { Command } from 'commander';
import type { CliIO } from './io.js';

/**
 * `k8s-lint lsp --stdio`: the language server for editors. Standard input and output carry the
 * protocol, so nothing else may be written there. The server module (and its protocol library) is
 * imported only when this command runs.
 */
export function registerLspCommand(program: Command, io: CliIO): void {
  program
    .command('lsp')
    .description('run the Language Server Protocol server for editors (over standard input and output)')
    .option('--stdio', 'talk over standard input and output (the only transport; accepted because clients pass it)')
    // Clients add their own flags (`--clientProcessId=<pid>`); the protocol library reads those itself.
    .allowUnknownOption()
    .action(async () => {
      const { startServer } = await import('../lsp/server.js');
      const streams = io.stdio ?? { input: process.stdin, output: process.stdout };
      const connection = startServer(streams.input, streams.output);
      await new Promise<void>((resolve) => connection.onExit(resolve));
    });
}

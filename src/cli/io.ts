/** What the command line reads and writes: the process's streams, or a test's. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (for the progress line of long runs). */
  stderrIsTTY?: boolean;
  /** Standard input as bytes, decoded like a file (BOM, UTF-16, invalid UTF-8). */
  readStdin: () => string | Uint8Array;
  env: NodeJS.ProcessEnv;
  /** The streams `k8s-lint lsp` speaks the protocol on (default: the process's standard input and output). */
  stdio?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

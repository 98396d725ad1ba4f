/** Where the progress line may go: only a terminal that a person watches. */
export interface ProgressIO {
  stderr: (s: string) => void;
  stderrIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export interface Progress {
  onProgress?: (done: number, total: number) => void;
  /** Removes the line, if one was drawn. */
  done(): void;
}

/** Runs shorter than this finish before a progress line would help. */
const SHOW_AFTER_MS = 2000;
const REDRAW_EVERY_MS = 100;

function isCI(env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * A one-line `linting 120/500 files` on stderr for long runs, redrawn in place and erased at the
 * end. Never in CI logs or pipes, where a carriage-return line is noise.
 */
export function createProgress(io: ProgressIO, now: () => number = Date.now): Progress {
  if (!io.stderrIsTTY || isCI(io.env)) return { done() {} };
  const start = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    onProgress(done, total) {
      const t = now();
      if (t - start < SHOW_AFTER_MS || t - lastDraw < REDRAW_EVERY_MS || done >= total) return;
      lastDraw = t;
      drawn = true;
      io.stderr(`\r\u001b[2Kk8s-lint: linting ${done}/${total} files…`);
    },
    done() {
      if (drawn) io.stderr('\r\u001b[2K');
      drawn = false;
    },
  };
}

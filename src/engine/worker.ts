import { parentPort, workerData } from 'node:worker_threads';
import type { LintOptions } from './options.js';
import { lintOneFile } from './per-file.js';
import { fileSettings, resolveRuleSettings } from './settings.js';
import type { WorkerRequest, WorkerResponse } from './parallel.js';
import { defaultLintOptions } from './setup.js';

/**
 * The YAML parser reads `process.env.LOG_TOKENS` for every token, and `process.env` is backed by
 * the environment block: each read costs a native call. A plain copy makes parsing about a fifth
 * faster. A worker's environment is its own copy anyway.
 */
process.env = { ...process.env };

/** A lint worker: builds its own schema stage once, then lints the batches it is sent. */
async function start(): Promise<void> {
  const options = await defaultLintOptions(workerData as LintOptions);
  const settings = fileSettings(options, resolveRuleSettings(options));
  parentPort!.on('message', (req: WorkerRequest) => {
    if ('close' in req) {
      // Ends the thread through process.exit, so that exit handlers (code caches) run.
      process.exit(0);
    }
    let response: WorkerResponse;
    try {
      response = { batch: req.batch, results: req.files.map((f) => lintOneFile(f, settings)) };
    } catch (error) {
      response = { batch: req.batch, error: error instanceof Error ? error.message : String(error) };
    }
    parentPort!.postMessage(response);
  });
}

void start();

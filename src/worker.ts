import { parentPort, workerData } from 'node:worker_threads';
import { fileSettings, lintOneFile, resolveRuleSettings, type LintOptions } from './lint.js';
import type { WorkerRequest, WorkerResponse } from './parallel.js';
import { defaultLintOptions } from './setup.js';

/** A lint worker: builds its own schema stage once, then lints the batches it is sent. */
async function start(): Promise<void> {
  const options = await defaultLintOptions(workerData as LintOptions);
  const settings = fileSettings(options, resolveRuleSettings(options));
  parentPort!.on('message', (req: WorkerRequest) => {
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

import { Worker } from 'node:worker_threads';
import type { LintOptions } from './options.js';
import type { PerFileResult } from './per-file.js';
import type { SourceFile } from '../types.js';
import { SegmentSchedule } from './schedule.js';

/** Options that can cross a thread boundary (no functions, no prebuilt stages). */
export type PortableLintOptions = Omit<LintOptions, 'schemaStage' | 'readStdin'>;

export function portable(options: LintOptions): PortableLintOptions {
  const { schemaStage: _schema, readStdin: _stdin, ...rest } = options;
  return rest;
}

/** A batch to lint, or `close`: the worker ends itself (writing its caches on the way out). */
export type WorkerRequest = { batch: number; files: SourceFile[] } | { close: true };

export interface WorkerResponse {
  batch: number;
  results?: PerFileResult[];
  error?: string;
}

const BATCH_BYTES = 256 * 1024;

/** Cuts the input into batches of roughly equal bytes, keeping file order inside each batch. */
function batches(files: readonly SourceFile[]): SourceFile[][] {
  const out: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let bytes = 0;
  for (const f of files) {
    current.push(f);
    bytes += f.text.length;
    if (bytes >= BATCH_BYTES || current.length >= 200) {
      out.push(current);
      current = [];
      bytes = 0;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Lints files on `jobs` worker threads. Each worker takes batches from its own stretch of the input
 * first (see SegmentSchedule); results are put back in input order, so the output is identical
 * whatever the number of workers.
 */
export async function lintInWorkers(
  files: readonly SourceFile[],
  options: LintOptions,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<PerFileResult[]> {
  const work = batches(files);
  const results: PerFileResult[][] = new Array(work.length);
  let done = 0;
  const workerCount = Math.max(1, Math.min(jobs, work.length));
  const schedule = new SegmentSchedule(
    work.map((b) => b.reduce((n, f) => n + f.text.length, 0)),
    workerCount,
  );
  const workerUrl = new URL('./worker.js', import.meta.url);
  const data = portable(options);
  await Promise.all(
    Array.from({ length: workerCount }, (_, index) =>
      new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: data });
        const feed = () => {
          const batch = schedule.take(index);
          if (batch === undefined) {
            worker.once('exit', () => resolve());
            worker.postMessage({ close: true } satisfies WorkerRequest);
            return;
          }
          worker.postMessage({ batch, files: work[batch]! } satisfies WorkerRequest);
        };
        worker.on('message', (msg: WorkerResponse) => {
          if (msg.error !== undefined || !msg.results) {
            void worker.terminate();
            reject(new Error(msg.error ?? 'worker returned no results'));
            return;
          }
          results[msg.batch] = msg.results;
          done += msg.results.length;
          onProgress?.(done, files.length);
          feed();
        });
        worker.on('error', reject);
        feed();
      }),
    ),
  );
  return results.flat();
}

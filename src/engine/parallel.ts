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

/** Batches a worker holds at once: the next is there when it finishes one, even while this thread lints. */
const IN_FLIGHT = 2;

/**
 * Lints files on `jobs` lanes: this thread (with what `local` makes) and `jobs - 1` worker threads.
 * This thread starts while the workers load; it yields between batches so the workers are kept fed.
 * Each lane takes batches from its own stretch of the input first (see SegmentSchedule); results
 * are put back in input order, so the output is identical whatever the number of lanes.
 */
export async function lintInWorkers(
  files: readonly SourceFile[],
  options: LintOptions,
  jobs: number,
  local: () => Promise<(file: SourceFile) => PerFileResult>,
  onProgress?: (done: number, total: number) => void,
): Promise<PerFileResult[]> {
  const work = batches(files);
  const results: PerFileResult[][] = new Array(work.length);
  let done = 0;
  const lanes = Math.max(1, Math.min(jobs, work.length));
  const schedule = new SegmentSchedule(
    work.map((b) => b.reduce((n, f) => n + f.text.length, 0)),
    lanes,
  );
  const finished = (batch: number, list: PerFileResult[]) => {
    results[batch] = list;
    done += list.length;
    onProgress?.(done, files.length);
  };
  const workerUrl = new URL('./worker.js', import.meta.url);
  const data = portable(options);
  const workers = Array.from({ length: lanes - 1 }, (_, i) => {
    const lane = i + 1;
    return new Promise<void>((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: data });
      let held = 0;
      let closing = false;
      const feed = () => {
        while (!closing && held < IN_FLIGHT) {
          const batch = schedule.take(lane);
          if (batch === undefined) {
            if (held > 0) return;
            closing = true;
            worker.once('exit', () => resolve());
            worker.postMessage({ close: true } satisfies WorkerRequest);
            return;
          }
          held++;
          worker.postMessage({ batch, files: work[batch]! } satisfies WorkerRequest);
        }
      };
      worker.on('message', (msg: WorkerResponse) => {
        if (msg.error !== undefined || !msg.results) {
          void worker.terminate();
          reject(new Error(msg.error ?? 'worker returned no results'));
          return;
        }
        held--;
        finished(msg.batch, msg.results);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  });
  const here = (async () => {
    const lintHere = await local();
    for (let batch = schedule.take(0); batch !== undefined; batch = schedule.take(0)) {
      finished(batch, work[batch]!.map(lintHere));
      // Lets the workers' messages in: each gets its next batch while this thread works on.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.all([here, ...workers]);
  return results.flat();
}

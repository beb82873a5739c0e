/**
 * Runs directory jobs on worker threads. The worker's entry module (see `cli/lint-worker.ts`)
 * owns the rule registry: rules are code and cannot be sent to a thread, jobs and results are
 * plain data and can.
 */
import type { Rule } from '../engine/rule.js';
import type { DirectoryJob, DirectoryResult } from './lint-directory.js';
import { inlineExecutor, jobWeight, type JobExecutor } from './run.js';
import { WorkerPool } from './worker-pool.js';

export interface ParallelOptions {
  /** Threads to use at most (`--jobs`). 1 runs everything on the calling thread. */
  readonly threads: number;
  /** The worker's entry module. */
  readonly script: URL;
  /** For runs done inline (one thread, or too small to pay for starting threads). */
  readonly registry: readonly Rule[];
}

/**
 * Below this many files a run stays on the calling thread: starting a worker (loading the
 * analyzer and the parser into a new isolate) costs more than linting that much.
 */
export const MIN_FILES_FOR_THREADS = 64;

export function parallelExecutor(options: ParallelOptions): JobExecutor {
  const pool = new WorkerPool<DirectoryJob, DirectoryResult>({ script: options.script, threads: options.threads });
  const inline = inlineExecutor(options.registry);
  return {
    run(jobs, onResult) {
      const files = jobs.reduce((n, j) => n + jobWeight(j), 0);
      if (options.threads <= 1 || jobs.length <= 1 || files < MIN_FILES_FOR_THREADS) return inline.run(jobs, onResult);
      return pool.run(jobs, jobWeight, onResult && ((r) => onResult(r)));
    },
  };
}

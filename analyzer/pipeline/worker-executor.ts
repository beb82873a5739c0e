/**
 * Runs directory jobs on worker threads. The worker's entry module (see `cli/lint-worker.ts`)
 * owns the rule registry: rules are code and cannot be sent to a thread, jobs and results are
 * plain data and can.
 */
import type { Rule } from '../engine/rule.js';
import { lintDirectory, type DirectoryJob, type DirectoryResult } from './lint-directory.js';
import { inlineExecutor, jobWeight, type JobExecutor } from './run.js';
import { TreeCollector } from './tree-collector.js';
import { WorkerPool } from './worker-pool.js';

export interface ParallelOptions {
  /** Threads to use at most (`--jobs`), the calling thread included. 1 runs everything on it. */
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
      // The calling thread lints too: it has the analyzer loaded and compiled already.
      const trees = new TreeCollector();
      const local = (job: DirectoryJob): DirectoryResult => {
        const r = lintDirectory(job, options.registry);
        trees.afterJob();
        return r;
      };
      return pool.run(jobs, jobWeight, onResult && ((r) => onResult(r)), local);
    },
  };
}

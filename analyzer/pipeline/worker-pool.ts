/**
 * A small pool of worker threads that run plain-data jobs. Both sides live here: `WorkerPool`
 * on the main thread and `serveJobs` in the worker's entry module.
 *
 * Jobs are handed out one at a time, heaviest first (longest-processing-time scheduling), so a
 * big directory does not start last and leave the other threads idle. Each job is its own
 * message, so a worker's event loop turns between jobs: that is when native memory (tree-sitter
 * trees) of released objects is actually freed.
 */
import { parentPort, Worker } from 'node:worker_threads';

type Request<J> = { readonly seq: number; readonly job: J };
type Reply<R> =
  | { readonly seq: number; readonly ok: true; readonly result: R }
  | { readonly seq: number; readonly ok: false; readonly message: string; readonly stack: string | undefined };

/** A job failed inside a worker (the handler threw): the run is broken, not the input. */
export class WorkerJobError extends Error {
  constructor(message: string, readonly workerStack: string | undefined) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

export interface PoolOptions {
  /** The worker's entry module: it must call `serveJobs`. */
  readonly script: URL;
  /** Threads to use, the calling thread included when the run gets a local handler. */
  readonly threads: number;
}

/** Jobs sent to a worker ahead of time, so that it never waits for the (busy) calling thread. */
const IN_FLIGHT_PER_WORKER = 2;

export class WorkerPool<J, R> {
  constructor(private readonly options: PoolOptions) {}

  /**
   * Runs every job; results come back in the order of `jobs`. `weight` orders the hand-out
   * (heaviest first); `onResult` sees each result as it arrives. With `local`, the calling thread
   * works too (it has the code loaded and warm already): one worker fewer is started.
   */
  async run(jobs: readonly J[], weight: (job: J) => number, onResult?: (result: R, job: J) => void, local?: (job: J) => R): Promise<R[]> {
    const results = new Array<R>(jobs.length);
    if (jobs.length === 0) return results;
    const order = jobs.map((_, i) => i).sort((a, b) => weight(jobs[b] as J) - weight(jobs[a] as J) || a - b);
    const threads = Math.max(1, Math.min(this.options.threads, jobs.length));
    const workerCount = local ? threads - 1 : threads;
    const workers: Worker[] = [];
    let next = 0;
    let pending = jobs.length;
    let failure: Error | undefined;
    const take = (): number | undefined => (failure ? undefined : order[next++]);
    const finish = (i: number, result: R): void => {
      results[i] = result;
      pending--;
      onResult?.(result, jobs[i] as J);
    };
    try {
      const remote = new Promise<void>((resolve, reject) => {
        const fail = (e: Error): void => {
          if (failure) return;
          failure = e;
          reject(e);
        };
        const dispatch = (w: Worker): void => {
          const i = take();
          if (i === undefined) return;
          const request: Request<J> = { seq: i, job: jobs[i] as J };
          w.postMessage(request);
        };
        for (let t = 0; t < workerCount; t++) {
          const w = new Worker(this.options.script);
          workers.push(w);
          w.on('message', (reply: Reply<R>) => {
            if (failure) return;
            if (!reply.ok) {
              fail(new WorkerJobError(reply.message, reply.stack));
              return;
            }
            finish(reply.seq, reply.result);
            if (pending === 0) resolve();
            else dispatch(w);
          });
          w.on('error', (e) => fail(e instanceof Error ? e : new Error(String(e))));
          w.on('exit', (code) => {
            if (pending > 0) fail(new Error(`a worker thread exited (code ${code}) with ${pending} job(s) left`));
          });
          for (let k = 0; k < IN_FLIGHT_PER_WORKER; k++) dispatch(w);
        }
        if (local) {
          workLocally(take, (i) => finish(i, local(jobs[i] as J))).then(() => {
            if (pending === 0) resolve();
          }, fail);
        }
      });
      await remote;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    return results;
  }
}

/** The calling thread's share: a job at a time, letting the workers' messages in between. */
async function workLocally(take: () => number | undefined, run: (i: number) => void): Promise<void> {
  for (let i = take(); i !== undefined; i = take()) {
    run(i);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * The worker side: answers each job with `handle(job)`. A handler that throws fails the job (and
 * with it the run) with the error's message and stack.
 */
export function serveJobs<J, R>(handle: (job: J) => R): void {
  const port = parentPort;
  if (!port) throw new Error('serveJobs must run in a worker thread');
  port.on('message', (request: Request<J>) => {
    let reply: Reply<R>;
    try {
      reply = { seq: request.seq, ok: true, result: handle(request.job) };
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply = { seq: request.seq, ok: false, message: err.message, stack: err.stack };
    }
    port.postMessage(reply);
  });
}

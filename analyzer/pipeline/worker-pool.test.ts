/**
 * The pool itself, with a tiny worker (the pool's worker side comes from the build in dist/:
 * worker threads run JavaScript).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../testing/temp-tree.js';
import { WorkerJobError, WorkerPool } from './worker-pool.js';

const builtPool = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/analyzer/pipeline/worker-pool.js');

/** A worker answering `{ n }` with `{ n, square, thread }`, failing for negative numbers. */
function squareWorker(): URL {
  const dir = tempTree({
    'square-worker.mjs': [
      `import { threadId } from 'node:worker_threads';`,
      `import { serveJobs } from ${JSON.stringify(pathToFileURL(builtPool).href)};`,
      `serveJobs((job) => {`,
      `  if (job.n < 0) throw new Error('negative: ' + job.n);`,
      `  return { n: job.n, square: job.n * job.n, thread: threadId };`,
      `});`,
    ].join('\n'),
  });
  return pathToFileURL(path.join(dir, 'square-worker.mjs'));
}

describe('WorkerPool', () => {
  it('returns results in job order and uses several threads', async () => {
    const pool = new WorkerPool<{ n: number }, { n: number; square: number; thread: number }>({ script: squareWorker(), threads: 3 });
    const jobs = Array.from({ length: 40 }, (_, i) => ({ n: i }));
    const seen: number[] = [];
    const results = await pool.run(jobs, (j) => j.n, (r) => seen.push(r.n));
    expect(results.map((r) => r.square)).toEqual(jobs.map((j) => j.n * j.n));
    expect(seen.sort((a, b) => a - b)).toEqual(jobs.map((j) => j.n));
    expect(new Set(results.map((r) => r.thread)).size).toBeGreaterThan(1);
  });

  it('hands out the heaviest jobs first', async () => {
    const pool = new WorkerPool<{ n: number }, { n: number }>({ script: squareWorker(), threads: 1 });
    const order: number[] = [];
    await pool.run([3, 9, 1, 7].map((n) => ({ n })), (j) => j.n, (r) => order.push(r.n));
    expect(order).toEqual([9, 7, 3, 1]);
  });

  it('fails the run when a job throws in a worker', async () => {
    const pool = new WorkerPool<{ n: number }, unknown>({ script: squareWorker(), threads: 2 });
    await expect(pool.run([{ n: 1 }, { n: -1 }, { n: 2 }], () => 1)).rejects.toThrow(WorkerJobError);
    await expect(pool.run([{ n: -3 }], () => 1)).rejects.toThrow('negative: -3');
  });

  it('lets the calling thread work too, and starts no worker for one thread', async () => {
    const local = (j: { n: number }) => ({ n: j.n, square: j.n * j.n, thread: 0 });
    const pool = new WorkerPool<{ n: number }, { n: number; square: number; thread: number }>({ script: squareWorker(), threads: 2 });
    const jobs = Array.from({ length: 30 }, (_, i) => ({ n: i }));
    const results = await pool.run(jobs, () => 1, undefined, local);
    expect(results.map((r) => r.square)).toEqual(jobs.map((j) => j.n * j.n));
    expect(new Set(results.map((r) => r.thread)).size).toBe(2);
    const alone = new WorkerPool<{ n: number }, { n: number; square: number; thread: number }>({ script: new URL('file:///nonexistent.mjs'), threads: 1 });
    expect((await alone.run(jobs, () => 1, undefined, local)).every((r) => r.thread === 0)).toBe(true);
  });

  it('runs nothing for no jobs', async () => {
    const pool = new WorkerPool<{ n: number }, unknown>({ script: new URL('file:///nonexistent.mjs'), threads: 2 });
    expect(await pool.run([], () => 1)).toEqual([]);
  });
});

/**
 * The parse-only baseline: `node parse-only.js --jobs N [dir]` plans the same directory jobs as
 * `gomaplint ./...` in `dir`, and only reads, decodes and parses their files with tree-sitter, on
 * N threads (the main thread and N-1 workers) handed the jobs heaviest first, exactly as gomaplint
 * does. Prints `{ files, bytes }`.
 * This is the floor of the architecture: gomaplint cannot lint a file it has to parse faster.
 */
import os from 'node:os';
import path from 'node:path';
import { defaultConfig } from '../../analyzer/config/config.js';
import { jobWeight, planRun } from '../../analyzer/pipeline/run.js';
import { WorkerPool } from '../../analyzer/pipeline/worker-pool.js';
import { parseFiles, type ParseJob, type ParseResult } from './parse-files.js';

const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const threads = jobsAt >= 0 ? Number(args[jobsAt + 1]) : os.availableParallelism();
const dir = path.resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--jobs') ?? '.');

const plan = planRun({ patterns: ['./...'], cwd: dir, config: defaultConfig(dir), rules: [], includeGenerated: false });
const pool = new WorkerPool<ParseJob, ParseResult>({ script: new URL('./parse-worker.js', import.meta.url), threads });
const results = await pool.run(
  plan.jobs.map((j) => ({ files: j.files, weight: jobWeight(j) })),
  (j) => j.weight,
  undefined,
  parseFiles,
);
const total = results.reduce((a, r) => ({ files: a.files + r.files, bytes: a.bytes + r.bytes }), { files: 0, bytes: 0 });
process.stdout.write(`${JSON.stringify(total)}\n`);

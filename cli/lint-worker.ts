/** Entry module of a lint worker thread: lints the directory jobs it is sent. */
import { lintDirectory, type DirectoryJob, type DirectoryResult } from '../analyzer/pipeline/lint-directory.js';
import { serveJobs } from '../analyzer/pipeline/worker-pool.js';
import { RULES } from '../rules/index.js';

serveJobs<DirectoryJob, DirectoryResult>((job) => lintDirectory(job, RULES));

/** Entry module of a lint worker thread: lints the directory jobs it is sent. */
import { lintDirectory, type DirectoryJob, type DirectoryResult } from '../analyzer/pipeline/lint-directory.js';
import { TreeCollector } from '../analyzer/pipeline/tree-collector.js';
import { serveJobs } from '../analyzer/pipeline/worker-pool.js';
import { RULES } from '../rules/index.js';

const trees = new TreeCollector();

serveJobs<DirectoryJob, DirectoryResult>((job) => {
  const result = lintDirectory(job, RULES);
  trees.afterJob();
  return result;
});

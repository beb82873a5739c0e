/** Worker of the parse-only baseline. */
import { serveJobs } from '../../analyzer/pipeline/worker-pool.js';
import { parseFiles, type ParseJob, type ParseResult } from './parse-files.js';

serveJobs<ParseJob, ParseResult>(parseFiles);

/** The output formats, by `--format` name. */
import { checkstyleReporter } from './checkstyle.js';
import { githubReporter } from './github.js';
import { gitlabReporter } from './gitlab.js';
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';
import { SARIF_REPORTER } from './sarif.js';
import { textReporter } from './text.js';

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map(
  [textReporter, jsonReporter, SARIF_REPORTER, githubReporter, checkstyleReporter, gitlabReporter].map((r) => [r.name, r]),
);

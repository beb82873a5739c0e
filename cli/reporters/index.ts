/** The output formats, by `--format` name. */
import { jsonReporter } from './json.js';
import type { Reporter } from './reporter.js';
import { textReporter } from './text.js';

export const REPORTERS: ReadonlyMap<string, Reporter> = new Map([
  [textReporter.name, textReporter],
  [jsonReporter.name, jsonReporter],
]);

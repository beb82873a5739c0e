/**
 * The reporter interface: every output format turns the same run result into text.
 * Formats: text (people), json (scripts), sarif, github and checkstyle (CI).
 */
import path from 'node:path';
import type { Finding } from '../../analyzer/engine/finding.js';
import type { Rule } from '../../analyzer/engine/rule.js';
import type { DirectoryStats, Problem } from '../../analyzer/pipeline/lint-directory.js';
import type { SourceReader } from './source-cache.js';

export interface ReportInput {
  readonly findings: readonly Finding[];
  readonly problems: readonly Problem[];
  readonly stats: DirectoryStats;
  /** Every rule that could report in this run (enabled rules). */
  readonly rules: readonly Rule[];
  /** Working directory: text and json print paths relative to it. */
  readonly cwd: string;
  /** Repository root: SARIF URIs are relative to it. */
  readonly root: string;
  readonly durationMs: number;
  readonly toolVersion: string;
  readonly color: boolean;
  /** SARIF `automationDetails.id` category, for repositories uploading several runs. */
  readonly category?: string;
  /** Reads the linted files (SARIF line hashes); defaults to reading them from disk. */
  readonly sources?: SourceReader;
  /** Tells the user about something the report had to leave out (printed to stderr). */
  readonly warn?: (message: string) => void;
}

export interface Reporter {
  readonly name: string;
  render(input: ReportInput): string;
}

/** A path as printed to people and scripts: relative to `base` when inside it, with `/`. */
export function displayPath(file: string, base: string): string {
  const rel = path.relative(base, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}

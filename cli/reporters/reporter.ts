/**
 * The reporter interface: every output format turns the same run result into text.
 * Formats: text (people), json (scripts); sarif, github and checkstyle (CI) build on it.
 */
import path from 'node:path';
import type { Finding } from '../../analyzer/engine/finding.js';
import type { Rule } from '../../analyzer/engine/rule.js';
import type { DirectoryStats, Problem } from '../../analyzer/pipeline/lint-directory.js';

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

/**
 * The unit of work of a run: one directory. Reads its files, groups them into packages by package
 * clause, lints each package and returns plain data (findings with positions, problems, counts),
 * so that it can run on a worker thread as well as inline.
 */
import fs from 'node:fs';
import type { Config } from '../config/config.js';
import { selectRules } from '../config/rule-selection.js';
import { compareFindings, resolveFinding, type Finding, type Severity } from '../engine/finding.js';
import { lintPackage, type EnabledRule } from '../engine/lint-package.js';
import type { Rule } from '../engine/rule.js';
import { describeFsError } from '../loader/patterns.js';
import { PackageModel } from '../model/package-model.js';
import type { GoVersion } from '../model/go-version.js';
import { GoFile } from '../syntax/go-file.js';
import { decodeGoSource, readFileHeader } from '../syntax/source-text.js';

export interface Problem {
  readonly path: string;
  readonly message: string;
}

export interface DirectoryJob {
  readonly dir: string;
  readonly files: readonly string[];
  /** Files named on the command line: linted even when generated. */
  readonly explicit: readonly string[];
  readonly goVersion: GoVersion;
  readonly includeGenerated: boolean;
  /** Enabled rule ids and their configured severity (undefined: the rule's own). */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: Severity | undefined }>;
}

export interface DirectoryStats {
  files: number;
  bytes: number;
  packages: number;
  /** Generated files skipped (the generated-code header). */
  generated: number;
  /** Files that could not be linted (unreadable, not UTF-8, binary). */
  skipped: number;
  suppressed: number;
}

export interface DirectoryResult {
  readonly dir: string;
  readonly findings: Finding[];
  /** Files that could not be linted and rules that failed: printed as warnings. */
  readonly problems: Problem[];
  readonly stats: DirectoryStats;
}

export interface LoadedPackage {
  readonly files: GoFile[];
}

export function emptyStats(): DirectoryStats {
  return { files: 0, bytes: 0, packages: 0, generated: 0, skipped: 0, suppressed: 0 };
}

/** Reads a directory's files into packages (files grouped by package clause). */
export function loadDirectory(job: DirectoryJob, stats: DirectoryStats, problems: Problem[], read: (path: string) => Uint8Array = fs.readFileSync): GoFile[][] {
  const byPackage = new Map<string, GoFile[]>();
  const explicit = new Set(job.explicit);
  for (const path of job.files) {
    let bytes: Uint8Array;
    try {
      bytes = read(path);
    } catch (e) {
      problems.push({ path, message: `cannot read: ${describeFsError(e)}` });
      stats.skipped++;
      continue;
    }
    const decoded = decodeGoSource(bytes);
    if (!decoded.ok) {
      problems.push({ path, message: `skipped: ${decoded.problem}` });
      stats.skipped++;
      continue;
    }
    const header = readFileHeader(decoded.text);
    if (header.generated && !job.includeGenerated && !explicit.has(path)) {
      stats.generated++;
      continue;
    }
    stats.files++;
    stats.bytes += bytes.length;
    const file = new GoFile(path, decoded.text, header.packageName, decoded.hasBom);
    const key = header.packageName ?? '';
    const list = byPackage.get(key);
    if (list) list.push(file);
    else byPackage.set(key, [file]);
  }
  return [...byPackage.keys()].sort().map((k) => byPackage.get(k) as GoFile[]);
}

export function lintDirectory(job: DirectoryJob, registry: readonly Rule[]): DirectoryResult {
  const stats = emptyStats();
  const problems: Problem[] = [];
  const findings: Finding[] = [];
  const rules: EnabledRule[] = [];
  for (const r of job.rules) {
    const rule = registry.find((x) => x.meta.id === r.id);
    if (rule) rules.push({ rule, severity: r.severity });
  }
  for (const files of loadDirectory(job, stats, problems)) {
    stats.packages++;
    const model = new PackageModel(files, job.goVersion, job.dir);
    const result = lintPackage(model, rules);
    stats.suppressed += result.suppressed;
    for (const f of result.findings) findings.push(resolveFinding(f));
    for (const fail of result.failures) {
      const file = files.find((x) => x.path === fail.path);
      const line = file ? file.lines.position(fail.offset).line : 0;
      problems.push({ path: fail.path, message: `internal error in rule ${fail.ruleId} near line ${line}: ${fail.message}` });
    }
    // Trees are released with the package: nothing keeps them alive past this point.
    for (const f of files) f.release();
  }
  findings.sort(compareFindings);
  return { dir: job.dir, findings, problems, stats };
}

/** Rule settings as a job carries them (plain data). */
export function jobRules(rules: readonly Rule[], config: Config, overrides: { enable?: readonly string[]; disable?: readonly string[] }): DirectoryJob['rules'] {
  return selectRules(rules, config, overrides).map((r) => ({ id: r.rule.meta.id, severity: r.severity }));
}

/**
 * The unit of work of a run: one directory. Reads its files, groups them into packages by package
 * clause, lints each package and returns plain data (findings with positions, problems, counts),
 * so that it can run on a worker thread as well as inline.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Config } from '../config/config.js';
import { selectRules } from '../config/rule-selection.js';
import { compareFindings, resolveFinding, SEVERITY_RANK, type Finding, type Severity } from '../engine/finding.js';
import { applySafeFixes } from '../engine/fixes.js';
import { lintPackage, type EnabledRule, type PackageLintResult } from '../engine/lint-package.js';
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
  /**
   * Other Go files of the directory, read only as context (declarations, field initialisations,
   * methods) when some files of the directory were named explicitly: no findings are reported
   * in them.
   */
  readonly context?: readonly string[];
  readonly goVersion: GoVersion;
  readonly includeGenerated: boolean;
  /** Enabled rule ids and their configured severity (undefined: the rule's own). */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly severity: Severity | undefined }>;
  /** Apply safe fixes: write the files, or only compute a unified diff. */
  readonly fix?: 'write' | 'diff';
  /** Diffs name files relative to this directory. */
  readonly diffBase?: string;
}

export interface FixedFile {
  readonly path: string;
  /** Number of fixes applied (over all rounds). */
  readonly fixes: number;
  /** Unified diff of the change (`fix: 'diff'`). */
  readonly diff: string | undefined;
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
  /** Files changed by fixes (with `fix`). */
  readonly fixed: FixedFile[];
  /** The most severe finding before any fix was applied (with `fix`, the code as it was). */
  readonly worstBeforeFix: Severity | undefined;
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
  const linted = new Set(job.files);
  for (const path of [...job.files, ...(job.context ?? [])]) {
    if (!linted.has(path)) {
      const file = readContextFile(path, read);
      const list = file ? byPackage.get(file.packageName ?? '') : undefined;
      if (file && list) list.push(file);
      continue;
    }
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

/** A context file: read quietly (its problems are not this run's), used only for facts. */
function readContextFile(path: string, read: (path: string) => Uint8Array): GoFile | undefined {
  try {
    const decoded = decodeGoSource(read(path));
    if (!decoded.ok) return undefined;
    return new GoFile(path, decoded.text, readFileHeader(decoded.text).packageName, decoded.hasBom);
  } catch {
    return undefined;
  }
}

/** Rounds of fixing: a fix can make room for another (overlapping edits wait a round). */
const MAX_FIX_ROUNDS = 8;

export function lintDirectory(job: DirectoryJob, registry: readonly Rule[]): DirectoryResult {
  const stats = emptyStats();
  const problems: Problem[] = [];
  const findings: Finding[] = [];
  const fixed: FixedFile[] = [];
  let worstBeforeFix: Severity | undefined;
  const rules: EnabledRule[] = [];
  for (const r of job.rules) {
    const rule = registry.find((x) => x.meta.id === r.id);
    if (rule) rules.push({ rule, severity: r.severity });
  }
  const linted = new Set(job.files);
  for (let files of loadDirectory(job, stats, problems)) {
    stats.packages++;
    const original = new Map(files.map((f) => [f.path, f.text]));
    const applied = new Map<string, number>();
    let result: PackageLintResult | undefined;
    for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
      const model = new PackageModel(files, job.goVersion, job.dir);
      result = lintPackage(model, rules, new Set(files.filter((f) => linted.has(f.path))));
      if (round === 0) for (const f of result.findings) worstBeforeFix = worse(worstBeforeFix, f.severity);
      if (!job.fix) break;
      const next = files.map((f) => {
        const mine = (result as PackageLintResult).findings.filter((x) => x.file === f);
        if (!mine.some((x) => x.fix?.safe)) return f;
        const outcome = applySafeFixes(f.text, mine);
        if (outcome.applied.length === 0) return f;
        applied.set(f.path, (applied.get(f.path) ?? 0) + outcome.applied.length);
        return new GoFile(f.path, outcome.text, f.packageName, f.hasBom);
      });
      if (next.every((f, i) => f === files[i])) break;
      for (const f of files) f.release();
      files = next;
    }
    const final = result as PackageLintResult;
    stats.suppressed += final.suppressed;
    for (const f of final.findings) findings.push(resolveFinding(f));
    for (const fail of final.failures) {
      const file = files.find((x) => x.path === fail.path);
      const line = file ? file.lines.position(fail.offset).line : 0;
      problems.push({ path: fail.path, message: `internal error in rule ${fail.ruleId} near line ${line}: ${fail.message}` });
    }
    for (const f of files) {
      const before = original.get(f.path);
      if (before === undefined || before === f.text) continue;
      fixed.push(writeFix(job.fix ?? 'diff', f, before, applied.get(f.path) ?? 0, problems, job.diffBase));
    }
    // Trees are released with the package: nothing keeps them alive past this point.
    for (const f of files) f.release();
  }
  findings.sort(compareFindings);
  return { dir: job.dir, findings, problems, stats, fixed, worstBeforeFix };
}

export function worse(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

function writeFix(mode: 'write' | 'diff', f: GoFile, before: string, fixes: number, problems: Problem[], base: string | undefined): FixedFile {
  if (mode === 'diff') {
    const rel = base ? path.relative(base, f.path) : f.path;
    const name = (rel.startsWith('..') ? f.path : rel).split(path.sep).join('/');
    return { path: f.path, fixes, diff: createTwoFilesPatch(`a/${name}`, `b/${name}`, before, f.text, '', '', { context: 3 }) };
  }
  try {
    fs.writeFileSync(f.path, (f.hasBom ? '\ufeff' : '') + f.text);
  } catch (e) {
    problems.push({ path: f.path, message: `cannot write fixes: ${describeFsError(e)}` });
    return { path: f.path, fixes: 0, diff: undefined };
  }
  return { path: f.path, fixes, diff: undefined };
}

/** Rule settings as a job carries them (plain data). */
export function jobRules(rules: readonly Rule[], config: Config, overrides: { enable?: readonly string[]; disable?: readonly string[] }): DirectoryJob['rules'] {
  return selectRules(rules, config, overrides).map((r) => ({ id: r.rule.meta.id, severity: r.severity }));
}

/**
 * A whole run: patterns → files → directories → findings. Used by the CLI; the LSP server lints
 * single packages through `lint-package.ts` directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { exclusionMatcher } from '../config/config.js';
import { compareFindings, type Finding, type Severity } from '../engine/finding.js';
import type { Rule } from '../engine/rule.js';
import { GoModResolver } from '../loader/go-mod.js';
import { expandPatterns } from '../loader/patterns.js';
import { TreeCollector } from './tree-collector.js';
import { emptyStats, lintDirectory, worse, type DirectoryJob, type DirectoryResult, type DirectoryStats, type FixedFile, type Problem } from './lint-directory.js';

export interface RunOptions {
  readonly patterns: readonly string[];
  readonly cwd: string;
  readonly config: Config;
  /** Enabled rules with their configured severities. */
  readonly rules: DirectoryJob['rules'];
  readonly includeGenerated: boolean;
  /** Apply safe fixes (write files) or compute their diff. */
  readonly fix?: 'write' | 'diff';
  /** Runs the directory jobs; the default runs them inline, one after another. */
  readonly executor?: JobExecutor;
}

export interface JobExecutor {
  run(jobs: readonly DirectoryJob[], onResult?: (r: DirectoryResult) => void): Promise<DirectoryResult[]>;
}

export interface RunResult {
  readonly findings: Finding[];
  /** Files that could not be linted, and similar: reported, the run goes on. */
  readonly problems: Problem[];
  /** The invocation itself was wrong (bad pattern, nothing to lint): exit code 2. */
  readonly fatal: string[];
  readonly stats: DirectoryStats;
  /** Files changed (or, for a diff, to be changed) by fixes. */
  readonly fixed: FixedFile[];
  /** The most severe finding before fixes were applied. */
  readonly worstBeforeFix: Severity | undefined;
}

/** Watches a run: the jobs once planned, each directory's result as it comes in. */
export interface RunObserver {
  planned?(jobs: readonly DirectoryJob[]): void;
  done?(result: DirectoryResult): void;
}

/**
 * Runs the jobs on this thread, one after another. The event loop turns between jobs: native
 * memory of released syntax trees is only freed then (N-API finalizers are deferred; see
 * `tree-collector.ts`), and progress timers get to run.
 */
export function inlineExecutor(registry: readonly Rule[]): JobExecutor {
  return {
    async run(jobs, onResult) {
      const out: DirectoryResult[] = [];
      const trees = new TreeCollector();
      for (const job of jobs) {
        const r = lintDirectory(job, registry);
        trees.afterJob();
        onResult?.(r);
        out.push(r);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      return out;
    },
  };
}

/** A job's expected cost, to hand out the heaviest first. */
export function jobWeight(job: DirectoryJob): number {
  return job.files.length + (job.context?.length ?? 0);
}

/** Builds the per-directory jobs for a run (patterns expanded, go versions resolved). */
export interface RunPlan {
  readonly jobs: DirectoryJob[];
  /** Warnings met while planning (unreadable directories, go.mod problems, skipped entries). */
  readonly problems: Problem[];
  readonly fatal: string[];
  /** Entries named like Go files that cannot be linted (broken symlinks, pipes). */
  readonly skipped: number;
}

export function planRun(options: RunOptions): RunPlan {
  const expanded = expandPatterns(options.patterns, { cwd: options.cwd, isExcluded: exclusionMatcher(options.config) });
  const problems: Problem[] = [...expanded.warnings, ...expanded.skipped].map((w) => ({ path: w.path, message: w.message }));
  const byDir = new Map<string, string[]>();
  for (const f of expanded.files) {
    const d = path.dirname(f);
    const list = byDir.get(d);
    if (list) list.push(f);
    else byDir.set(d, [f]);
  }
  const mods = new GoModResolver();
  const warnedGoMod = new Set<string>();
  const jobs: DirectoryJob[] = [];
  for (const dir of [...byDir.keys()].sort()) {
    const files = byDir.get(dir) as string[];
    const mod = mods.forDir(dir);
    if (mod.warning && mod.goModPath && !warnedGoMod.has(mod.goModPath)) {
      warnedGoMod.add(mod.goModPath);
      problems.push({ path: mod.goModPath, message: mod.warning });
    }
    const explicit = files.filter((f) => expanded.explicit.has(f));
    jobs.push({
      dir,
      files,
      explicit,
      ...(explicit.length > 0 ? { context: siblingGoFiles(dir, files) } : {}),
      goVersion: mod.version,
      includeGenerated: options.includeGenerated,
      rules: options.rules,
      ...(options.fix ? { fix: options.fix, diffBase: options.cwd } : {}),
    });
  }
  return { jobs, problems, fatal: expanded.errors, skipped: expanded.skipped.length };
}

/**
 * The other Go files of a directory (for files named explicitly: the rest of their package).
 * Regular files only (or links to them): a named pipe among them would block the read.
 */
function siblingGoFiles(dir: string, files: readonly string[]): string[] {
  const named = new Set(files);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (!e.name.endsWith('.go') || e.name.startsWith('.') || e.name.startsWith('_')) continue;
    const p = path.join(dir, e.name);
    if (named.has(p) || !(e.isFile() || (e.isSymbolicLink() && isRegularFile(p)))) continue;
    out.push(p);
  }
  return out.sort();
}

function isRegularFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export async function runLint(options: RunOptions, registry: readonly Rule[], observer: RunObserver = {}): Promise<RunResult> {
  const plan = planRun(options);
  const stats = emptyStats();
  stats.skipped = plan.skipped;
  const problems = [...plan.problems];
  const findings: Finding[] = [];
  const fixed: FixedFile[] = [];
  let worstBeforeFix: Severity | undefined;
  if (plan.fatal.length > 0) return { findings, problems, fatal: plan.fatal, stats, fixed, worstBeforeFix };
  observer.planned?.(plan.jobs);
  const executor = options.executor ?? inlineExecutor(registry);
  const results = await executor.run(plan.jobs, (r) => observer.done?.(r));
  results.sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  for (const r of results) {
    findings.push(...r.findings);
    problems.push(...r.problems);
    fixed.push(...r.fixed);
    worstBeforeFix = worse(worstBeforeFix, r.worstBeforeFix);
    addStats(stats, r.stats);
  }
  findings.sort(compareFindings);
  const fatal: string[] = [];
  // Exit 2 when files were found but none of them could be linted (all generated is fine).
  if ((plan.jobs.length > 0 || plan.skipped > 0) && stats.files === 0 && stats.generated === 0) {
    fatal.push('no file could be linted');
  }
  return { findings, problems, fatal, stats, fixed, worstBeforeFix };
}

export function addStats(into: DirectoryStats, s: DirectoryStats): void {
  into.files += s.files;
  into.bytes += s.bytes;
  into.packages += s.packages;
  into.generated += s.generated;
  into.skipped += s.skipped;
  into.suppressed += s.suppressed;
}

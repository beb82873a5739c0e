/**
 * The result cache (`--cache`): a directory's result is reused when nothing it depends on changed.
 *
 * What a directory's result depends on is exactly its job (plain data) plus the contents of the
 * files the job names, plus the tool itself. The key is a hash of all of it: the tool's
 * fingerprint (version and a hash of its code), the enabled rules and their severities, the
 * include-generated setting, the package's Go version, the directory, and each file's path with a
 * hash of its content (context files too). File times are never trusted. Runs that fix files are
 * not cached.
 *
 * Layout: one entry per directory, `<dir>/v1/<hh>/<hash of the directory path>.json`, holding the
 * key it was computed for and the result. A different key (a file, the configuration or the tool
 * changed) is a miss and the entry is overwritten, so the cache holds at most one entry per linted
 * directory. Entries are written to a temporary file and renamed into place. An entry that cannot
 * be read or parsed, or does not look like a result, is a miss: the cache never breaks a run.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirectoryJob, DirectoryResult } from './lint-directory.js';
import type { JobExecutor } from './run.js';

/** Bumped whenever the shape of entries or keys changes. */
const CACHE_FORMAT = 1;

export interface CacheStats {
  hits: number;
  misses: number;
  /** Jobs that could not be cached (a file could not be read, or fixes were requested). */
  uncacheable: number;
}

export class ResultCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, uncacheable: 0 };
  /** Why entries could not be written (the first few), for one warning. */
  readonly writeFailures: string[] = [];

  constructor(
    /** The cache directory (created on the first write). */
    readonly dir: string,
    /** Identifies the tool's build: a result computed by other code is never served. */
    private readonly toolFingerprint: string,
    private readonly read: (path: string) => Uint8Array = fs.readFileSync,
  ) {}

  /** The key of a job's result, or undefined when the job must not be cached. */
  keyOf(job: DirectoryJob): string | undefined {
    if (job.fix) return undefined;
    const files: Array<[string, string]> = [];
    for (const f of job.files) {
      const h = this.contentHash(f);
      if (h === undefined) return undefined;
      files.push([f, h]);
    }
    const context = (job.context ?? []).map((f) => [f, this.contentHash(f) ?? null]);
    const material = {
      format: CACHE_FORMAT,
      tool: this.toolFingerprint,
      dir: job.dir,
      goVersion: job.goVersion,
      includeGenerated: job.includeGenerated,
      rules: job.rules.map((r) => [r.id, r.severity ?? null]),
      explicit: job.explicit,
      files,
      context,
    };
    return sha256(JSON.stringify(material));
  }

  get(job: DirectoryJob, key: string): DirectoryResult | undefined {
    let text: string;
    try {
      text = fs.readFileSync(this.entryPath(job.dir), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as unknown;
      if (!isEntry(entry) || entry.key !== key || entry.result.dir !== job.dir) return undefined;
      return entry.result;
    } catch {
      return undefined;
    }
  }

  put(job: DirectoryJob, key: string, result: DirectoryResult): void {
    const file = this.entryPath(job.dir);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify({ key, result }));
      fs.renameSync(tmp, file);
    } catch (e) {
      if (this.writeFailures.length < 3) this.writeFailures.push(e instanceof Error ? e.message : String(e));
      try {
        fs.rmSync(tmp, { force: true });
      } catch {
        // nothing left to clean up
      }
    }
  }

  private entryPath(dir: string): string {
    const h = sha256(dir);
    return path.join(this.dir, `v${CACHE_FORMAT}`, h.slice(0, 2), `${h}.json`);
  }

  private contentHash(file: string): string | undefined {
    try {
      return createHash('sha256').update(this.read(file)).digest('hex');
    } catch {
      return undefined;
    }
  }
}

/** Serves cached results and runs only the other jobs on `inner`, caching what they return. */
export function cachingExecutor(inner: JobExecutor, cache: ResultCache): JobExecutor {
  return {
    async run(jobs, onResult) {
      const results = new Array<DirectoryResult>(jobs.length);
      const missing: Array<{ index: number; key: string | undefined }> = [];
      jobs.forEach((job, index) => {
        const key = cache.keyOf(job);
        const hit = key === undefined ? undefined : cache.get(job, key);
        if (hit) {
          cache.stats.hits++;
          results[index] = hit;
          onResult?.(hit);
        } else {
          if (key === undefined) cache.stats.uncacheable++;
          else cache.stats.misses++;
          missing.push({ index, key });
        }
      });
      const computed = await inner.run(
        missing.map((m) => jobs[m.index] as DirectoryJob),
        onResult,
      );
      computed.forEach((result, i) => {
        const { index, key } = missing[i] as { index: number; key: string | undefined };
        results[index] = result;
        if (key !== undefined) cache.put(jobs[index] as DirectoryJob, key, result);
      });
      return results;
    },
  };
}

/** The per-user cache directory of the platform, for gomaplint. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'gomaplint', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'gomaplint');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'gomaplint');
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function isEntry(v: unknown): v is { key: string; result: DirectoryResult } {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as { key?: unknown; result?: unknown };
  if (typeof e.key !== 'string' || typeof e.result !== 'object' || e.result === null) return false;
  const r = e.result as Partial<Record<keyof DirectoryResult, unknown>>;
  return (
    typeof r.dir === 'string' &&
    Array.isArray(r.findings) &&
    Array.isArray(r.problems) &&
    Array.isArray(r.fixed) &&
    typeof r.stats === 'object' &&
    r.stats !== null &&
    Object.values(r.stats).every((n) => typeof n === 'number')
  );
}

/** Running a command and measuring it: wall time, CPU time (user + system) and peak RSS. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measurement {
  readonly wallSeconds: number;
  /** User + system CPU seconds of the process (all its threads); undefined when not measurable. */
  readonly cpuSeconds: number | undefined;
  readonly peakRssMb: number | undefined;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

const USAGE_REPORTER = new URL('./usage-reporter.js', import.meta.url);
const GNU_TIME = '/usr/bin/time';

/**
 * Runs a Node script with the usage reporter preloaded: CPU and peak RSS come from the process
 * itself (`process.resourceUsage()` at exit).
 */
export function measureNode(script: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measurement {
  const usageFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-bench-usage-')), 'usage.json');
  const m = timed({ command: process.execPath, args: ['--import', USAGE_REPORTER.href, script, ...args], cwd, env: { ...env, GOMAPLINT_BENCH_USAGE: usageFile } });
  try {
    const u = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { userMicros: number; systemMicros: number; maxRssKb: number };
    return { ...m, cpuSeconds: (u.userMicros + u.systemMicros) / 1e6, peakRssMb: u.maxRssKb / 1024 };
  } catch {
    return m;
  } finally {
    fs.rmSync(path.dirname(usageFile), { recursive: true, force: true });
  }
}

/** Runs any command; CPU and peak RSS are measured with GNU time when it is installed. */
export function measureCommand(spec: RunSpec): Measurement {
  if (!fs.existsSync(GNU_TIME)) return timed(spec);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-bench-time-')), 'time.txt');
  const m = timed({ ...spec, command: GNU_TIME, args: ['-o', out, '-f', '%U %S %M', spec.command, ...spec.args] });
  try {
    const [user, sys, rss] = fs.readFileSync(out, 'utf8').trim().split('\n').pop()?.split(' ').map(Number) ?? [];
    if (user === undefined || sys === undefined || rss === undefined || [user, sys, rss].some(Number.isNaN)) return m;
    return { ...m, cpuSeconds: user + sys, peakRssMb: rss / 1024 };
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

function timed(spec: RunSpec): Measurement {
  const started = process.hrtime.bigint();
  const r = spawnSync(spec.command, [...spec.args], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.error) throw r.error;
  return { wallSeconds, cpuSeconds: undefined, peakRssMb: undefined, exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

/**
 * Output does not depend on the number of threads: `--jobs 1` (inline) and `--jobs 4` (worker
 * threads) print the same report, on a corpus made of the testdata and, when installed, on the Go
 * standard library. Worker threads run the compiled code in dist/: build before testing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIN_FILES_FOR_THREADS } from '../analyzer/pipeline/worker-executor.js';
import { goDirectories } from '../analyzer/testing/analysistest.js';
import { copyTree, tempTree } from '../analyzer/testing/temp-tree.js';
import { runCliInProcess, withoutDuration } from './testing/run-cli-in-process.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STD = '/usr/share/go-1.19/src';

/** The testdata, three times over: enough files and directories for the threads to be used. */
function corpus(): { dir: string; patterns: string[] } {
  const dir = tempTree({});
  for (const copy of ['one', 'two', 'three']) copyTree(path.join(repo, 'testdata'), path.join(dir, copy));
  const patterns = goDirectories(dir).map((d) => `./${path.relative(dir, d)}`);
  return { dir, patterns };
}

describe('--jobs', () => {
  it('gives the same report with 1 and 4 threads on the testdata', async () => {
    const { dir, patterns } = corpus();
    const files = goDirectories(dir).reduce((n, d) => n + fs.readdirSync(d).filter((f) => f.endsWith('.go')).length, 0);
    expect(files, 'enough files to use threads').toBeGreaterThanOrEqual(MIN_FILES_FOR_THREADS);
    const one = await runCliInProcess(dir, ['--format', 'json', '--jobs', '1', ...patterns]);
    const four = await runCliInProcess(dir, ['--format', 'json', '--jobs', '4', ...patterns]);
    expect(four.code).toBe(one.code);
    expect(four.stderr).toBe(one.stderr);
    const report = withoutDuration(one.stdout) as { findings: unknown[] };
    expect(report.findings.length).toBeGreaterThan(100);
    expect(withoutDuration(four.stdout)).toEqual(report);
    const text1 = await runCliInProcess(dir, ['--jobs', '1', ...patterns]);
    const text4 = await runCliInProcess(dir, ['--jobs', '4', ...patterns]);
    const body = (s: string) => s.replace(/\([\d.]+m?s\)\n$/, '');
    expect(body(text4.stdout)).toBe(body(text1.stdout));
  });

  it.skipIf(!fs.existsSync(STD))('gives the same report with 1 and 4 threads on the Go standard library', async () => {
    const one = await runCliInProcess(STD, ['--format', 'json', '--jobs', '1', './...']);
    const four = await runCliInProcess(STD, ['--format', 'json', '--jobs', '4', './...']);
    expect(four.code).toBe(one.code);
    expect(four.stderr).toBe(one.stderr);
    const report = withoutDuration(one.stdout) as { summary: { files: number } };
    expect(report.summary.files).toBeGreaterThan(2500);
    expect(withoutDuration(four.stdout)).toEqual(report);
  });

  it('rejects a number of threads that is not a positive whole number', async () => {
    const dir = tempTree({ 'a.go': 'package p\n' });
    for (const bad of ['0', '-2', 'two', '1.5']) {
      const r = await runCliInProcess(dir, ['--jobs', bad, './...']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--jobs: expected a positive whole number of threads, got "${bad}"`);
    }
  });
});

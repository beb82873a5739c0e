/**
 * File-system trouble: paths that do not exist, files that cannot be read, symlink loops, a
 * directory linked into itself, a file deleted while the run is in progress, go.mod files that do
 * not parse. The run reports each problem on stderr as `gomaplint: path: what happened`, counts
 * the files it skipped, lints the rest, and never blocks.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../analyzer/config/config.js';
import { LATEST_GO } from '../../analyzer/model/go-version.js';
import { emptyStats, loadDirectory, type Problem } from '../../analyzer/pipeline/lint-directory.js';
import { inlineExecutor, runLint } from '../../analyzer/pipeline/run.js';
import { RULES } from '../../rules/index.js';
import { ALL_RULES, cli, parseJsonReport, removeTempDirs, stderrLines, tempTree } from './harness.js';

afterAll(removeTempDirs);

/** One nil-as-delete finding (line 4). */
const BAD = (pkg: string) => `package ${pkg}\n\nfunc f(m map[string]*int) {\n\tm["k"] = nil\n}\n`;
const GOOD = (pkg: string) => `package ${pkg}\n\nfunc g() {}\n`;
/** range-clear applies from Go 1.21 on: a way to see which language version was used. */
const CLEARABLE = 'package p\n\nfunc reset(m map[string]int) {\n\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n}\n';

const STDERR_LINE = /^gomaplint: [^:]+: .+$/;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const canMkfifo = process.platform !== 'win32';

function mkfifo(p: string): void {
  execFileSync('mkfifo', [p]);
}

describe('paths that do not exist', () => {
  it('a missing path is an invocation error (exit 2) even next to valid patterns; nothing is linted', async () => {
    const dir = tempTree({ 'a.go': BAD('p') });
    const r = await cli(dir, '--format', 'json', './...', './nope/...', 'gone.go');
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['gomaplint: ./nope/...: no such file or directory', 'gomaplint: gone.go: no such file or directory']);
    expect(r.stdout).toBe('');
  });
});

describe('files that cannot be read', () => {
  it.skipIf(isRoot)('a file without read permission is skipped with a warning, the rest is linted (not run as root: root reads it anyway)', async () => {
    const dir = tempTree({ 'a.go': BAD('p'), 'secret.go': BAD('p') });
    fs.chmodSync(path.join(dir, 'secret.go'), 0o000);
    const r = await cli(dir, '--format', 'json', './...');
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toEqual(['gomaplint: secret.go: cannot read: permission denied']);
    const out = parseJsonReport(r.stdout);
    expect(out.findings.map((f) => f.file)).toEqual(['a.go']);
    expect(out.summary.skipped).toBe(1);
  });

  it('a read failing with EACCES (as it does without permission; root reads anything) is a warning and a skipped file', () => {
    // Tests run as root here, so chmod 000 does not stop reading: the failure is injected at the
    // one place files are read, with the error the OS gives.
    const dir = tempTree({ 'a.go': BAD('p'), 'secret.go': BAD('p') });
    const files = ['a.go', 'secret.go'].map((f) => path.join(dir, f));
    const problems: Problem[] = [];
    const stats = emptyStats();
    const read = (p: string): Uint8Array => {
      if (p.endsWith('secret.go')) throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: p });
      return fs.readFileSync(p);
    };
    const packages = loadDirectory({ dir, files, explicit: [], goVersion: LATEST_GO, includeGenerated: false, rules: ALL_RULES }, stats, problems, read);
    expect(problems).toEqual([{ path: files[1], message: 'cannot read: permission denied' }]);
    expect(stats).toMatchObject({ files: 1, skipped: 1 });
    expect(packages.flat().map((f) => path.basename(f.path))).toEqual(['a.go']);
  });

  it('a broken symlink named x.go is reported and counted, not silently dropped', async () => {
    const dir = tempTree({ 'a.go': BAD('p') });
    fs.symlinkSync('nowhere.go', path.join(dir, 'gone.go'));
    const r = await cli(dir, '--format', 'json', './...');
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toEqual(['gomaplint: gone.go: cannot read: broken symbolic link']);
    const out = parseJsonReport(r.stdout);
    expect(out.findings.map((f) => f.file)).toEqual(['a.go']);
    expect(out.summary.skipped).toBe(1);
    expect(out.problems).toEqual([{ file: 'gone.go', message: 'cannot read: broken symbolic link' }]);
  });

  it.skipIf(!canMkfifo)('a named pipe called x.go is skipped without being opened (the run does not block)', async () => {
    const dir = tempTree({ 'a.go': BAD('p') });
    mkfifo(path.join(dir, 'pipe.go'));
    const walked = await cli(dir, '--format', 'json', './...');
    expect(walked.code).toBe(1);
    expect(stderrLines(walked.stderr)).toEqual(['gomaplint: pipe.go: skipped: not a regular file']);
    expect(parseJsonReport(walked.stdout).summary.skipped).toBe(1);
    // Named on the command line it is an invocation error; as a sibling of a named file it is not read.
    const named = await cli(dir, 'pipe.go');
    expect(named.code).toBe(2);
    expect(stderrLines(named.stderr)).toEqual(['gomaplint: pipe.go: not a regular file']);
    const sibling = await cli(dir, '--format', 'json', 'a.go');
    expect(sibling.code).toBe(1);
    expect(sibling.stderr).toBe('');
  });

  it.skipIf(!canMkfifo)('a named pipe as go.mod or as --config does not block', async () => {
    const dir = tempTree({ 'a.go': BAD('p') });
    mkfifo(path.join(dir, 'go.mod'));
    mkfifo(path.join(dir, 'cfg.yaml'));
    expect((await cli(dir, './...')).code).toBe(1);
    const r = await cli(dir, '--config', 'cfg.yaml', './...');
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['gomaplint: cfg.yaml: not a regular file']);
  });

  it('when every Go file is unreadable, nothing could be linted: exit 2', async () => {
    const dir = tempTree({ 'README.md': 'no Go here' });
    fs.symlinkSync('nowhere.go', path.join(dir, 'gone.go'));
    const r = await cli(dir, './...');
    expect(r.code).toBe(2);
    expect(stderrLines(r.stderr)).toEqual(['gomaplint: gone.go: cannot read: broken symbolic link', 'gomaplint: no file could be linted']);
  });
});

describe('symlinks', () => {
  it('a symlink loop among the files is reported; the other files are linted', async () => {
    const dir = tempTree({ 'a.go': BAD('p') });
    fs.symlinkSync('loop2.go', path.join(dir, 'loop1.go'));
    fs.symlinkSync('loop1.go', path.join(dir, 'loop2.go'));
    const r = await cli(dir, '--format', 'json', './...');
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toEqual(['gomaplint: loop1.go: cannot read: too many levels of symbolic links', 'gomaplint: loop2.go: cannot read: too many levels of symbolic links']);
    expect(parseJsonReport(r.stdout).summary).toMatchObject({ files: 1, skipped: 2 });
  });

  it('a directory linking to itself is an invocation error when named, and not followed when walked', async () => {
    const dir = tempTree({ 'a.go': BAD('p') });
    fs.symlinkSync('loop', path.join(dir, 'loop'));
    const named = await cli(dir, './loop/...');
    expect(named.code).toBe(2);
    expect(stderrLines(named.stderr)).toEqual(['gomaplint: ./loop/...: too many levels of symbolic links']);
    const walked = await cli(dir, '--format', 'json', './...');
    expect(walked.code).toBe(1);
    expect(walked.stderr).toBe('');
    expect(parseJsonReport(walked.stdout).findings.map((f) => f.file)).toEqual(['a.go']);
  });

  it('a directory symlinked into itself (sub/up -> .., self -> .) is walked once, every file linted once', async () => {
    const dir = tempTree({ 'a.go': BAD('p'), 'sub/b.go': BAD('sub') });
    fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
    fs.symlinkSync('.', path.join(dir, 'self'));
    const r = await cli(dir, '--format', 'json', './...', './self/...', './sub/up/...');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = parseJsonReport(r.stdout);
    expect(out.findings).toHaveLength(2);
    expect(out.summary.files).toBe(2);
  });
});

/** Lints `./...` in `dir` in-process, running `change` after the files are listed and before any is read. */
function lintAfter(dir: string, change: () => void): ReturnType<typeof runLint> {
  const inline = inlineExecutor(RULES);
  const executor = {
    run: (...args: Parameters<typeof inline.run>) => {
      change();
      return inline.run(...args);
    },
  };
  return runLint({ patterns: ['./...'], cwd: dir, config: defaultConfig(dir), rules: ALL_RULES, includeGenerated: false, executor }, RULES);
}

describe('a file deleted while the run is in progress', () => {
  it('is reported as unreadable and counted; the files of its package and the others are linted', async () => {
    const dir = tempTree({ 'a/a.go': BAD('a'), 'a/gone.go': BAD('a'), 'b/b.go': BAD('b') });
    // The files are listed, then one disappears before its directory is read.
    const result = await lintAfter(dir, () => fs.rmSync(path.join(dir, 'a', 'gone.go')));
    expect(result.fatal).toEqual([]);
    expect(result.problems).toEqual([{ path: path.join(dir, 'a', 'gone.go'), message: 'cannot read: no such file or directory' }]);
    expect(result.stats).toMatchObject({ files: 2, skipped: 1 });
    expect(result.findings.map((f) => path.relative(dir, f.path))).toEqual(['a/a.go', 'b/b.go']);
  });

  it('a whole directory deleted mid-run leaves the other directories linted', async () => {
    const dir = tempTree({ 'a/a.go': BAD('a'), 'b/b.go': BAD('b') });
    const result = await lintAfter(dir, () => fs.rmSync(path.join(dir, 'a'), { recursive: true }));
    expect(result.problems.map((p) => p.message)).toEqual(['cannot read: no such file or directory']);
    expect(result.findings.map((f) => path.relative(dir, f.path))).toEqual(['b/b.go']);
  });
});

describe('go.mod', () => {
  it('a valid go directive sets the language version (range-clear needs Go 1.21)', async () => {
    const dir = tempTree({ 'go.mod': 'module x\n\ngo 1.20\n', 'a.go': CLEARABLE });
    const r = await cli(dir, './...');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it.each([
    ['an invalid version', 'module x\n\ngo one.two\n', 'gomaplint: go.mod: invalid go version "one.two"; assuming the newest Go'],
    ['a malformed directive', 'module x\n\ngo 1.20 extra words\n', 'gomaplint: go.mod: invalid go directive "go 1.20 extra words"; assuming the newest Go'],
    ['binary garbage', '\u0000\u0001\u00ff\ufffd', 'gomaplint: go.mod: no module directive (not a go.mod file?); assuming the newest Go'],
  ])('%s: the version falls back to the newest Go, with a warning, and the run goes on', async (_what, goMod, warning) => {
    const dir = tempTree({ 'go.mod': goMod, 'a.go': CLEARABLE, 'sub/b.go': CLEARABLE });
    const r = await cli(dir, '--format', 'json', './...');
    expect(r.code).toBe(1);
    // Warned once for the go.mod, not once per package.
    expect(stderrLines(r.stderr)).toEqual([warning]);
    expect(parseJsonReport(r.stdout).findings.map((f) => f.rule)).toEqual(['range-clear', 'range-clear']);
  });

  it('a directory named go.mod is not a go.mod', async () => {
    const dir = tempTree({ 'go.mod/README': 'not a file', 'a.go': BAD('p') });
    const r = await cli(dir, './...');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });
});

describe('every problem line has the documented shape', () => {
  it('gomaplint: <path>: <what happened>', async () => {
    const dir = tempTree({ 'go.mod': 'module x\n\ngo bad\n', 'a.go': BAD('p'), 'bin.go': new Uint8Array([0, 1, 2]), 'latin1.go': new Uint8Array([0x70, 0xe9, 0x0a]), 'ok.go': GOOD('p') });
    fs.symlinkSync('nowhere.go', path.join(dir, 'gone.go'));
    const r = await cli(dir, './...');
    expect(r.code).toBe(1);
    const lines = stderrLines(r.stderr);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(STDERR_LINE);
    expect(r.stdout).toMatch(/1 finding \(1 warning\) in 2 files; 3 skipped/);
  });
});

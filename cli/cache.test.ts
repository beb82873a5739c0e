/**
 * `--cache` never serves a stale result: after every kind of change a cached run prints exactly
 * what a run without the cache prints. Broken cache entries and an unusable cache directory are
 * ignored.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../analyzer/testing/temp-tree.js';
import { runCliInProcess, withoutDuration } from './testing/run-cli-in-process.js';

const NIL_WRITE = (pkg: string) => `package ${pkg}\n\nfunc f(m map[string]*int) {\n\tm["k"] = nil\n}\n`;
const CLEAN = (pkg: string) => `package ${pkg}\n\nfunc g() {}\n`;
/** range-clear is reported only from Go 1.21 (the clear builtin). */
const RANGE_DELETE = (pkg: string) => `package ${pkg}\n\nfunc h(m map[string]int) {\n\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n}\n`;

/** Runs with and without the cache; they must agree. Returns the report. */
async function expectFresh(dir: string, cacheDir: string, ...args: string[]): Promise<{ findings: Array<{ rule: string; severity: string; file: string }> }> {
  const fresh = await runCliInProcess(dir, ['--format', 'json', '--jobs', '1', ...args]);
  const cached = await runCliInProcess(dir, ['--format', 'json', '--jobs', '1', '--cache-location', cacheDir, ...args]);
  expect(cached.code).toBe(fresh.code);
  expect(cached.stderr).toBe(fresh.stderr);
  const report = withoutDuration(fresh.stdout);
  expect(withoutDuration(cached.stdout)).toEqual(report);
  return report as { findings: Array<{ rule: string; severity: string; file: string }> };
}

function entries(cacheDir: string): string[] {
  return fs.readdirSync(cacheDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json')).map((f) => path.join(cacheDir, f));
}

describe('--cache', () => {
  it('follows edits, new and deleted files, configuration and go.mod changes', async () => {
    const dir = tempTree({ 'go.mod': 'module m\n\ngo 1.20\n', 'a/a.go': NIL_WRITE('a'), 'b/b.go': CLEAN('b'), 'c/c.go': RANGE_DELETE('c') });
    const cacheDir = path.join(tempTree({}), 'cache');
    const rules = async () => (await expectFresh(dir, cacheDir, './...')).findings.map((f) => `${f.file}:${f.rule}:${f.severity}`);

    expect(await rules()).toEqual(['a/a.go:nil-as-delete:warning']);
    expect(entries(cacheDir)).toHaveLength(3);
    expect(await rules(), 'warm').toEqual(['a/a.go:nil-as-delete:warning']);

    fs.writeFileSync(path.join(dir, 'b/b.go'), NIL_WRITE('b'));
    expect(await rules(), 'file edited').toEqual(['a/a.go:nil-as-delete:warning', 'b/b.go:nil-as-delete:warning']);
    fs.writeFileSync(path.join(dir, 'a/a.go'), CLEAN('a'));
    expect(await rules(), 'finding fixed').toEqual(['b/b.go:nil-as-delete:warning']);
    fs.writeFileSync(path.join(dir, 'a/extra.go'), NIL_WRITE('a'));
    expect(await rules(), 'file added').toEqual(['a/extra.go:nil-as-delete:warning', 'b/b.go:nil-as-delete:warning']);
    fs.rmSync(path.join(dir, 'a/extra.go'));
    expect(await rules(), 'file deleted').toEqual(['b/b.go:nil-as-delete:warning']);

    fs.writeFileSync(path.join(dir, 'go.mod'), 'module m\n\ngo 1.21\n');
    expect(await rules(), 'go version raised').toEqual(['b/b.go:nil-as-delete:warning', 'c/c.go:range-clear:note']);

    fs.writeFileSync(path.join(dir, '.gomaplint.yaml'), 'rules:\n  nil-as-delete: error\n');
    expect(await rules(), 'severity configured').toEqual(['b/b.go:nil-as-delete:error', 'c/c.go:range-clear:note']);
    fs.writeFileSync(path.join(dir, '.gomaplint.yaml'), 'rules:\n  range-clear: off\n');
    expect(await rules(), 'rule switched off').toEqual(['b/b.go:nil-as-delete:warning']);
    fs.writeFileSync(path.join(dir, '.gomaplint.yaml'), 'exclude:\n  - "b/**"\n');
    expect(await rules(), 'directory excluded').toEqual(['c/c.go:range-clear:note']);
    fs.rmSync(path.join(dir, '.gomaplint.yaml'));
    expect((await expectFresh(dir, cacheDir, '--disable', 'range-clear', './...')).findings.map((f) => f.file), 'rule disabled on the command line').toEqual(['b/b.go']);
    expect(await rules(), 'back to the defaults').toEqual(['b/b.go:nil-as-delete:warning', 'c/c.go:range-clear:note']);
  });

  it('ignores corrupt and foreign entries', async () => {
    const dir = tempTree({ 'a/a.go': NIL_WRITE('a'), 'b/b.go': CLEAN('b') });
    const cacheDir = path.join(tempTree({}), 'cache');
    await expectFresh(dir, cacheDir, './...');
    const [first, second] = entries(cacheDir) as [string, string];
    fs.writeFileSync(first, '{"key": "trunc');
    fs.writeFileSync(second, JSON.stringify({ key: 'not the key', result: { dir: '/elsewhere', findings: [], problems: [], fixed: [], stats: {} } }));
    await expectFresh(dir, cacheDir, './...');
    // A well-formed entry under the right key but for another directory is not served either.
    const [a, b] = entries(cacheDir) as [string, string];
    fs.writeFileSync(a, fs.readFileSync(b));
    await expectFresh(dir, cacheDir, './...');
  });

  it('an unusable cache location warns and changes nothing else', async () => {
    const dir = tempTree({ 'a.go': NIL_WRITE('p') });
    const blocker = path.join(tempTree({ file: 'not a directory' }), 'file');
    const plain = await runCliInProcess(dir, ['--format', 'json', './...']);
    const r = await runCliInProcess(dir, ['--format', 'json', '--cache-location', blocker, './...']);
    expect(r.code).toBe(plain.code);
    expect(withoutDuration(r.stdout)).toEqual(withoutDuration(plain.stdout));
    expect(r.stderr).toMatch(/^gomaplint: cannot write the cache in .*file: /);
  });

  it('is not used when fixing', async () => {
    const dir = tempTree({ 'a.go': NIL_WRITE('p') });
    const cacheDir = path.join(tempTree({}), 'cache');
    const r = await runCliInProcess(dir, ['--fix', '--cache-location', cacheDir, './...']);
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'a.go'), 'utf8')).toContain('delete(m, "k")');
    expect(fs.existsSync(cacheDir)).toBe(false);
  });
});

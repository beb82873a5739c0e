import { describe, expect, it } from 'vitest';
import { emptyStats, type DirectoryJob, type DirectoryResult } from '../analyzer/pipeline/lint-directory.js';
import { LATEST_GO } from '../analyzer/model/go-version.js';
import { ProgressLine, wantsProgress } from './progress.js';

const job = (dir: string): DirectoryJob => ({ dir, files: [`${dir}/a.go`], explicit: [], goVersion: LATEST_GO, includeGenerated: false, rules: [] });
const result = (dir: string, files: number): DirectoryResult => ({ dir, findings: [], problems: [], stats: { ...emptyStats(), files }, fixed: [], worstBeforeFix: undefined });

describe('wantsProgress', () => {
  const tty = { stderrIsTTY: true, env: {}, flag: true, stdoutFormats: ['text'] };
  it('is on for people at a terminal', () => {
    expect(wantsProgress(tty)).toBe(true);
    expect(wantsProgress({ ...tty, stdoutFormats: [] })).toBe(true);
    expect(wantsProgress({ ...tty, env: { CI: 'false' } })).toBe(true);
  });
  it('is off without a terminal, in CI, with --no-progress, and with a machine format on stdout', () => {
    expect(wantsProgress({ ...tty, stderrIsTTY: false })).toBe(false);
    expect(wantsProgress({ ...tty, env: { CI: 'true' } })).toBe(false);
    expect(wantsProgress({ ...tty, env: { CI: '1' } })).toBe(false);
    expect(wantsProgress({ ...tty, env: { TERM: 'dumb' } })).toBe(false);
    expect(wantsProgress({ ...tty, flag: false })).toBe(false);
    expect(wantsProgress({ ...tty, stdoutFormats: ['json'] })).toBe(false);
    expect(wantsProgress({ ...tty, stdoutFormats: ['text', 'sarif'] })).toBe(false);
  });
});

describe('ProgressLine', () => {
  it('stays silent during the first second, then shows packages and files/s, and erases itself', () => {
    let now = 0;
    let written = '';
    const p = new ProgressLine({ write: (s: string) => (written += s) }, () => now);
    p.planned([job('/a'), job('/b'), job('/c')]);
    now = 500;
    p.done(result('/a', 100));
    expect(written).toBe('');
    now = 2000;
    p.done(result('/b', 300));
    expect(written).toBe('\rgomaplint: 2/3 packages, 200 files/s\x1b[K');
    p.finish();
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes nothing at all for a short run', () => {
    let now = 0;
    let written = '';
    const p = new ProgressLine({ write: (s: string) => (written += s) }, () => now);
    p.planned([job('/a')]);
    now = 900;
    p.done(result('/a', 10));
    p.finish();
    expect(written).toBe('');
  });
});

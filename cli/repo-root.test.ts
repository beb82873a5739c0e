import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepositoryRoot, resolveRoot } from './repo-root.js';

function tree(): string {
  const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-root-')));
  fs.mkdirSync(path.join(base, 'repo', '.git'), { recursive: true });
  fs.mkdirSync(path.join(base, 'repo', 'svc', 'api'), { recursive: true });
  fs.mkdirSync(path.join(base, 'repo', 'worktree', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(base, 'repo', 'worktree', '.git'), 'gitdir: ../.git/worktrees/w\n');
  fs.mkdirSync(path.join(base, 'plain'), { recursive: true });
  return base;
}

describe('findRepositoryRoot', () => {
  const base = tree();
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('finds the nearest directory with .git', () => {
    expect(findRepositoryRoot(path.join(base, 'repo', 'svc', 'api'))).toBe(path.join(base, 'repo'));
    expect(findRepositoryRoot(path.join(base, 'repo'))).toBe(path.join(base, 'repo'));
  });

  it('stops at a .git file (worktrees, submodules)', () => {
    expect(findRepositoryRoot(path.join(base, 'repo', 'worktree', 'pkg'))).toBe(path.join(base, 'repo', 'worktree'));
  });

  it('resolveRoot: the flag wins, relative to cwd; otherwise the repository root', () => {
    expect(resolveRoot('..', path.join(base, 'repo', 'svc', 'api'))).toEqual({ root: path.join(base, 'repo', 'svc') });
    expect(resolveRoot(undefined, path.join(base, 'repo', 'svc'))).toEqual({ root: path.join(base, 'repo') });
    expect(resolveRoot('missing', base)).toEqual({ error: '--root missing: not a directory' });
  });

  it('resolveRoot: the working directory outside any repository', () => {
    const outside = path.join(base, 'plain');
    // Only meaningful when no ancestor of the temp dir is a repository.
    if (findRepositoryRoot(outside) === undefined) expect(resolveRoot(undefined, outside)).toEqual({ root: outside });
    else expect(resolveRoot(undefined, outside)).toEqual({ root: findRepositoryRoot(outside) });
  });
});

/**
 * The repository root that SARIF URIs and GitHub annotation paths are relative to: the nearest
 * directory at or above the working directory that contains `.git` (a directory, or a file in
 * worktrees and submodules), which is what `git rev-parse --show-toplevel` answers, found without
 * running git. Outside a repository, the working directory itself.
 */
import fs from 'node:fs';
import path from 'node:path';

export function findRepositoryRoot(cwd: string): string | undefined {
  let dir = path.resolve(cwd);
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `--root` if given (must be a directory), else the repository root, else `cwd`. */
export function resolveRoot(flag: string | undefined, cwd: string): { root: string } | { error: string } {
  if (flag === undefined) return { root: findRepositoryRoot(cwd) ?? path.resolve(cwd) };
  const root = path.resolve(cwd, flag);
  if (!fs.statSync(root, { throwIfNoEntry: false })?.isDirectory()) return { error: `--root ${flag}: not a directory` };
  return { root };
}

/** The built CLI and a scratch git repository with Go code that has findings, for end-to-end tests. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const MAIN_JS = path.join(REPO_ROOT, 'dist', 'cli', 'main.js');

/**
 * A fresh copy of testdata/ci/project with a `.git` directory (so it is a repository root):
 * store/store.go (two findings, one after CJK text and an emoji), `my dir/cache.go` (a path with
 * a space; one finding with a related location and a fix), clean/clean.go (none).
 */
export function copyCiProject(): string {
  if (!fs.existsSync(MAIN_JS)) throw new Error('dist/cli/main.js is missing: run `npm run build` first');
  const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-ci-')));
  fs.cpSync(path.join(REPO_ROOT, 'testdata', 'ci', 'project'), repo, { recursive: true });
  fs.mkdirSync(path.join(repo, '.git'));
  return repo;
}

export function removeCiProject(repo: string | undefined): void {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
}

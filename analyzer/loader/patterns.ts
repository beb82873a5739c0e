/**
 * What `gomaplint ./...` means: the go tool's package patterns, on the file system.
 *
 * - `dir/...` (and `./...`, `...`): every directory below `dir`, skipping `vendor`, `testdata`,
 *   and names starting with `.` or `_`, and not descending into nested modules (a directory with
 *   its own go.mod) — unless that directory is the pattern's root. Symlinked directories are not
 *   followed (as the go tool does); symlinked files are, once.
 * - `dir`: the `.go` files directly in `dir`.
 * - `file.go`: that file, always (skip rules do not apply to files named explicitly).
 * No file is listed twice (paths are compared after resolving symlinks). A pattern that matches no
 * Go file, or a path that does not exist, is an error.
 *
 * A directory entry named like a Go file that is not one — a broken symlink, a symlink loop, a
 * named pipe or a device — is not silently dropped: it is listed in `skipped` (a warning, counted
 * as a skipped file), as the go tool reports it too. Such entries are never opened: reading a
 * named pipe would block the run.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ExpandedPatterns {
  /** Absolute paths of the files to lint, sorted. */
  readonly files: string[];
  /** Files named explicitly on the command line (always linted, even when generated). */
  readonly explicit: ReadonlySet<string>;
  /** Fatal problems: patterns that match nothing, paths that do not exist. */
  readonly errors: string[];
  /** Non-fatal problems met while walking (unreadable directories). */
  readonly warnings: Array<{ path: string; message: string }>;
  /** Entries named like Go files that cannot be linted (broken symlinks, pipes): skipped files. */
  readonly skipped: Array<{ path: string; message: string }>;
}

export interface ExpandOptions {
  readonly cwd: string;
  /** Excluded paths (from configuration): tested on absolute paths of files and directories. */
  readonly isExcluded?: (absPath: string, isDir: boolean) => boolean;
}

const SKIPPED_DIR_NAMES = new Set(['vendor', 'testdata']);

export function expandPatterns(patterns: readonly string[], options: ExpandOptions): ExpandedPatterns {
  const seen = new Set<string>();
  const files: string[] = [];
  const explicit = new Set<string>();
  const errors: string[] = [];
  const warnings: Array<{ path: string; message: string }> = [];
  const skipped: Array<{ path: string; message: string }> = [];
  const excluded = options.isExcluded ?? (() => false);

  const add = (file: string, isExplicit: boolean): boolean => {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      real = path.resolve(file);
    }
    if (seen.has(real)) return true;
    if (!isExplicit && excluded(file, false)) return false;
    seen.add(real);
    files.push(file);
    if (isExplicit) explicit.add(file);
    return true;
  };
  /** A Go-named entry that cannot be linted: reported once, counted as matched. */
  const skip = (file: string, message: string): boolean => {
    if (excluded(file, false) || skipped.some((x) => x.path === file)) return false;
    skipped.push({ path: file, message });
    return true;
  };
  const found: Found = { add, skip };

  for (const pattern of patterns) {
    const recursive = pattern === '...' || pattern.endsWith('/...');
    const base = recursive ? pattern.slice(0, -3).replace(/\/$/, '') || '.' : pattern;
    if (base.includes('...')) {
      errors.push(`${pattern}: only a trailing "/..." wildcard is supported`);
      continue;
    }
    const abs = path.resolve(options.cwd, base);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      errors.push(`${pattern}: ${describeFsError(e)}`);
      continue;
    }
    const before = files.length;
    let matched = 0;
    if (stat.isFile()) {
      if (recursive) {
        errors.push(`${pattern}: ${base} is a file, not a directory`);
        continue;
      }
      add(abs, true);
      matched = 1;
    } else if (stat.isDirectory()) {
      matched = recursive ? walk(abs, found, excluded, warnings) : listDir(abs, found, warnings);
    } else {
      errors.push(`${pattern}: not a regular file`);
      continue;
    }
    if (matched === 0 && files.length === before) {
      errors.push(`${pattern}: matched no Go files`);
    }
  }
  files.sort();
  skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, explicit, errors, warnings, skipped };
}

interface Found {
  /** A Go file to lint; false when it was excluded. */
  add(file: string, explicit: boolean): boolean;
  /** A Go-named entry that cannot be linted; false when it was excluded. */
  skip(file: string, message: string): boolean;
}

/**
 * A directory entry named like a Go file: linted if it is (or links to) a regular file, reported
 * if it cannot be (broken link, pipe, device), ignored if it is (or links to) a directory.
 * Returns whether it matched.
 */
function goEntry(e: fs.Dirent, p: string, found: Found): boolean {
  if (e.isFile()) return found.add(p, false);
  if (e.isDirectory()) return false;
  if (e.isSymbolicLink()) {
    let target: fs.Stats;
    try {
      target = fs.statSync(p);
    } catch (err) {
      const why = (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? 'broken symbolic link' : describeFsError(err);
      return found.skip(p, `cannot read: ${why}`);
    }
    if (target.isFile()) return found.add(p, false);
    if (target.isDirectory()) return false;
  }
  return found.skip(p, 'skipped: not a regular file');
}

function isGoFileName(name: string): boolean {
  return name.endsWith('.go') && !name.startsWith('.') && !name.startsWith('_');
}

function readDir(dir: string, warnings: Array<{ path: string; message: string }>): fs.Dirent[] | undefined {
  try {
    return fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    warnings.push({ path: dir, message: `cannot read directory: ${describeFsError(e)}` });
    return undefined;
  }
}

/** Go files directly in `dir`. Returns how many matched (before de-duplication). */
function listDir(dir: string, found: Found, warnings: Array<{ path: string; message: string }>): number {
  let n = 0;
  for (const e of readDir(dir, warnings) ?? []) {
    if (isGoFileName(e.name) && goEntry(e, path.join(dir, e.name), found)) n++;
  }
  return n;
}

/** `dir/...`: an iterative walk (no recursion, so deep trees cannot overflow the stack). */
function walk(
  root: string,
  found: Found,
  excluded: (p: string, isDir: boolean) => boolean,
  warnings: Array<{ path: string; message: string }>,
): number {
  let n = 0;
  const stack = [root];
  const visited = new Set<string>();
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch {
      real = dir;
    }
    if (visited.has(real)) continue;
    visited.add(real);
    const entries = readDir(dir, warnings);
    if (!entries) continue;
    if (dir !== root && entries.some((e) => e.name === 'go.mod' && !e.isDirectory())) continue; // nested module
    const subdirs: string[] = [];
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIR_NAMES.has(e.name) || e.name.startsWith('.') || e.name.startsWith('_')) continue;
        if (excluded(p, true)) continue;
        subdirs.push(p);
      } else if (isGoFileName(e.name) && goEntry(e, p, found)) {
        n++;
      }
    }
    subdirs.sort().reverse();
    stack.push(...subdirs);
  }
  return n;
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a directory';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

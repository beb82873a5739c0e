/**
 * Where each report goes. `--format NAME[:FILE]` may be repeated (or comma-separated): a format
 * with a file writes there, one without goes to `--output FILE` or, without it, to stdout; `-`
 * as a file means stdout. So `--format text --format sarif:gomaplint.sarif` prints text and writes
 * SARIF in one run. Two reports cannot share a destination.
 *
 * Files are prepared before linting (missing parent directories created, obvious impossibilities
 * such as a directory in the way reported) so a wrong path fails fast, and written after.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Reporter } from './reporters/reporter.js';

export interface OutputTarget {
  readonly reporter: Reporter;
  /** Absolute path, or undefined for stdout. */
  readonly file: string | undefined;
  /** The file as the user wrote it (for messages). */
  readonly displayName: string;
}

/** A wrong `--format`/`--output` (exit code 2). */
export class OutputSpecError extends Error {}

export function parseOutputTargets(formats: readonly string[], output: string | undefined, cwd: string, reporters: ReadonlyMap<string, Reporter>): OutputTarget[] {
  const specs = formats.length > 0 ? formats : ['text'];
  const valid = [...reporters.keys()].join(', ');
  const targets: OutputTarget[] = [];
  for (const spec of specs) {
    const colon = spec.indexOf(':');
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const reporter = reporters.get(name);
    if (!reporter) throw new OutputSpecError(`unknown format "${name}"; valid formats: ${valid}`);
    const given = colon < 0 ? output : spec.slice(colon + 1);
    if (given === '') throw new OutputSpecError(`--format ${spec}: missing file name after ":"`);
    const toStdout = given === undefined || given === '-';
    targets.push({ reporter, file: toStdout ? undefined : path.resolve(cwd, given), displayName: toStdout ? 'stdout' : given });
  }
  const byDestination = new Map<string, string[]>();
  for (const t of targets) {
    const key = t.file ?? '-';
    byDestination.set(key, [...(byDestination.get(key) ?? []), t.reporter.name]);
  }
  for (const [dest, names] of byDestination) {
    if (names.length < 2) continue;
    const where = dest === '-' ? 'stdout' : (targets.find((t) => t.file === dest)?.displayName ?? dest);
    throw new OutputSpecError(`several formats would write to ${where} (${names.join(', ')}); give each its own file, e.g. --format ${names[1]}:gomaplint.${names[1]}`);
  }
  return targets;
}

/** Creates the file's directory and checks the file can be written; throws OutputSpecError if not. */
export function prepareOutputFile(target: OutputTarget): void {
  if (!target.file) return;
  try {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    if (fs.statSync(target.file, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    fs.accessSync(path.dirname(target.file), fs.constants.W_OK);
    if (fs.existsSync(target.file)) fs.accessSync(target.file, fs.constants.W_OK);
  } catch (e) {
    throw new OutputSpecError(`cannot write ${target.displayName}: ${reason(e)}`);
  }
}

/** Writes a report to its file; throws OutputSpecError with a readable reason on failure. */
export function writeOutputFile(target: OutputTarget & { readonly file: string }, text: string): void {
  try {
    fs.writeFileSync(target.file, text);
  } catch (e) {
    throw new OutputSpecError(`cannot write ${target.displayName}: ${reason(e)}`);
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent path is not a directory',
  EEXIST: 'a parent path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  ENAMETOOLONG: 'file name too long',
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code && REASONS[code]) return REASONS[code];
  return e instanceof Error ? e.message : String(e);
}

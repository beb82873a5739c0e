/**
 * Shared helpers for the reliability tests: temporary trees, the CLI run in-process, a
 * one-file lint through the whole pipeline, and checks of positions that do not trust the
 * analyzer's own line index (lines and columns are recomputed here from the text).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../analyzer/engine/finding.js';
import { LATEST_GO } from '../../analyzer/model/go-version.js';
import { lintDirectory, type DirectoryJob, type DirectoryResult } from '../../analyzer/pipeline/lint-directory.js';
import type { Position } from '../../analyzer/syntax/line-index.js';
import { parseGo } from '../../analyzer/syntax/parser.js';
import { runCliInProcess, type CliRun } from '../../cli/testing/run-cli-in-process.js';
import { goFilesUnder } from '../../analyzer/testing/analysistest.js';
import { RULES } from '../../rules/index.js';
import { tempTree as writeTree } from '../../analyzer/testing/temp-tree.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const ALL_RULES: DirectoryJob['rules'] = RULES.map((r) => ({ id: r.meta.id, severity: undefined }));

const created: string[] = [];

/** A fresh temporary directory (removed by `removeTempDirs`). */
export function tempDir(prefix = 'gomaplint-rel-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes the temporary directories made so far (each test file calls it in `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes a tree of files (text or bytes) under a fresh temporary directory (removed by `removeTempDirs`). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const dir = writeTree(files, 'gomaplint-rel-');
  created.push(dir);
  return dir;
}

/** Runs the CLI in-process (no colour, no TTY). */
export function cli(cwd: string, ...args: string[]): Promise<CliRun> {
  return runCliInProcess(cwd, args);
}

/** Every line written to stderr has the documented shape `gomaplint: <path>: <what happened>`. */
export function stderrLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l !== '');
}

export interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly byteColumn: number;
  readonly offset: number;
}

export interface JsonReport {
  readonly findings: Array<{ rule: string; file: string; message: string; start: JsonPosition; end: JsonPosition }>;
  readonly problems: Array<{ file: string; message: string }>;
  readonly summary: { files: number; findings: number; skipped: number; generated: number };
}

export function parseJsonReport(stdout: string): JsonReport {
  return JSON.parse(stdout) as JsonReport;
}

/**
 * Lints one file through the directory pipeline (read, decode, parse, model, rules, positions),
 * with every rule enabled; `fix` applies safe fixes as `--fix` does.
 */
export function lintOneFile(file: string, fix?: 'write' | 'diff'): DirectoryResult {
  return lintDirectory(
    {
      dir: path.dirname(file),
      files: [file],
      explicit: [file],
      context: [],
      goVersion: LATEST_GO,
      includeGenerated: true,
      rules: ALL_RULES,
      ...(fix ? { fix } : {}),
    },
    RULES,
  );
}

/** Line starts of `text` (UTF-16 offsets); breaks are `\n`, `\r\n` and a lone `\r`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** Where `offset` is, computed independently of the analyzer: 1-based line, UTF-16 and UTF-8 columns. */
export function expectedPosition(text: string, offset: number, starts = lineStarts(text)): { line: number; column: number; byteColumn: number } {
  let line = 0;
  while (line + 1 < starts.length && (starts[line + 1] as number) <= offset) line++;
  const start = starts[line] as number;
  return { line: line + 1, column: offset - start + 1, byteColumn: Buffer.byteLength(text.slice(start, offset), 'utf8') + 1 };
}

/**
 * Everything wrong with the positions of findings in the file whose text is `text`: offsets
 * outside the text or inside a surrogate pair, lines and columns (both units) that do not match
 * the offset, ranges that end before they start. Related locations in other files are skipped.
 * Positions are checked in offset order with a running count of bytes, so that thousands of
 * findings on a 1 MB line cost one pass over it.
 */
export function positionProblems(text: string, file: string, findings: readonly Finding[]): string[] {
  const starts = lineStarts(text);
  const out: string[] = [];
  const all: Array<{ what: string; p: Position }> = [];
  const range = (what: string, start: Position, end: Position): void => {
    all.push({ what: `${what} start`, p: start }, { what: `${what} end`, p: end });
    if (end.offset < start.offset) out.push(`${what}: ends (${end.offset}) before it starts (${start.offset})`);
  };
  for (const f of findings) {
    if (f.path !== file) continue;
    const id = `${f.ruleId}@${f.start.offset}`;
    range(id, f.start, f.end);
    for (const e of f.fix?.edits ?? []) range(`${id} fix edit`, e.start, e.end);
    for (const r of f.related) if (r.path === file) range(`${id} related`, r.start, r.end);
  }
  all.sort((a, b) => a.p.offset - b.p.offset);
  let line = 0;
  let at = 0;
  let bytes = 0;
  for (const { what, p } of all) {
    if (!Number.isInteger(p.offset) || p.offset < 0 || p.offset > text.length) {
      out.push(`${what}: offset ${p.offset} outside [0, ${text.length}]`);
      continue;
    }
    const lo = text.charCodeAt(p.offset);
    const hi = text.charCodeAt(p.offset - 1);
    if (lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff) out.push(`${what}: offset ${p.offset} splits a surrogate pair`);
    let moved = false;
    while (line + 1 < starts.length && (starts[line + 1] as number) <= p.offset) {
      line++;
      moved = true;
    }
    const start = starts[line] as number;
    if (moved || at < start) {
      at = start;
      bytes = 0;
    }
    bytes += Buffer.byteLength(text.slice(at, p.offset), 'utf8');
    at = p.offset;
    const want = { line: line + 1, column: p.offset - start + 1, byteColumn: bytes + 1 };
    if (p.line !== want.line || p.column !== want.column || p.byteColumn !== want.byteColumn) {
      out.push(`${what}: ${p.line}:${p.column} (byte ${p.byteColumn}) at offset ${p.offset}, expected ${want.line}:${want.column} (byte ${want.byteColumn})`);
    }
  }
  return out;
}

/** Ranges of the ERROR nodes and MISSING tokens of a parse of `text`. */
export function errorRegions(text: string): Array<{ start: number; end: number; missing: boolean }> {
  const tree = parseGo(text);
  const out: Array<{ start: number; end: number; missing: boolean }> = [];
  if (!tree.rootNode.hasError) return out;
  const cursor = tree.walk();
  for (;;) {
    if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) out.push({ start: cursor.startIndex, end: cursor.endIndex, missing: cursor.nodeIsMissing });
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return out;
    }
  }
}

/** Findings whose range overlaps an ERROR node or contains a MISSING token (there must be none). */
export function findingsInErrorRegions(text: string, findings: readonly Finding[]): string[] {
  const regions = errorRegions(text);
  const out: string[] = [];
  for (const f of findings) {
    const s = f.start.offset;
    const e = f.end.offset;
    for (const r of regions) {
      const hit = r.missing ? s <= r.start && r.start < e : r.start < e && s < r.end;
      if (hit) {
        out.push(`${f.ruleId} at ${f.start.line}:${f.start.column} overlaps ${r.missing ? 'a MISSING token' : 'an ERROR node'} at offset ${r.start}`);
        break;
      }
    }
  }
  return out;
}

/** Go source files of the repository's testdata (seed material for mutations). */
export function testdataGoFiles(): string[] {
  return goFilesUnder(path.join(REPO_ROOT, 'testdata'));
}

/** Runs `f` and returns its result with the elapsed wall time. */
export function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

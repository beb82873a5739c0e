/**
 * The package files that are not open in the editor, read from disk and kept (with their syntax
 * trees and mirrors) until their modification time or size changes. A keystroke in one file of a
 * package costs a `stat` per sibling file, not a read and a parse.
 */
import fs from 'node:fs';
import { GoFile } from '../../analyzer/syntax/go-file.js';
import { decodeGoSource, readFileHeader } from '../../analyzer/syntax/source-text.js';

export type DiskFile =
  | { readonly ok: true; readonly file: GoFile; readonly generated: boolean }
  | { readonly ok: false; readonly problem: string };

interface Entry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly result: DiskFile;
}

/** Bytes of source kept (a parsed file costs several times its size in trees and mirrors). */
const DEFAULT_BUDGET = 24 * 1024 * 1024;

export class DiskFileCache {
  /** Insertion order is recency order (least recently used first). */
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    /** Files larger than this (bytes) are not analysed. */
    private readonly maxBytes: number,
    /** Total size of the files kept; the least recently used go first. */
    private readonly budget = DEFAULT_BUDGET,
  ) {}

  /** The file at `path`, or undefined when it is not a regular file (gone, a directory). */
  get(path: string): DiskFile | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
    } catch {
      this.invalidate(path);
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const cached = this.entries.get(path);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
      this.entries.delete(path);
      this.entries.set(path, cached);
      return cached.result;
    }
    const result = this.read(path, stat.size);
    this.invalidate(path);
    this.entries.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    this.bytes += stat.size;
    // Evict the least recently used, but never the file just read.
    for (const [p, e] of this.entries) {
      if (this.bytes <= this.budget || p === path) break;
      this.entries.delete(p);
      this.bytes -= e.size;
    }
    return result;
  }

  /** Forgets a file (it changed on disk). */
  invalidate(path: string): void {
    const e = this.entries.get(path);
    if (!e) return;
    this.entries.delete(path);
    this.bytes -= e.size;
  }

  /** Number of files kept and their total size. */
  get usage(): { files: number; bytes: number } {
    return { files: this.entries.size, bytes: this.bytes };
  }

  private read(path: string, size: number): DiskFile {
    if (size > this.maxBytes) return { ok: false, problem: `too large for live analysis (${formatSize(size)} > ${formatSize(this.maxBytes)})` };
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(path);
    } catch (e) {
      return { ok: false, problem: `cannot read: ${(e as Error).message}` };
    }
    const decoded = decodeGoSource(bytes);
    if (!decoded.ok) return { ok: false, problem: decoded.problem };
    const header = readFileHeader(decoded.text);
    return { ok: true, file: new GoFile(path, decoded.text, header.packageName, decoded.hasBom), generated: header.generated };
  }
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} bytes`;
}

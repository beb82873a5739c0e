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

export class DiskFileCache {
  /** Insertion order is recency order (least recently used first). */
  private readonly entries = new Map<string, Entry>();

  constructor(
    /** Files larger than this (bytes) are not analysed. */
    private readonly maxBytes: number,
    /** How many files to keep. */
    private readonly capacity = 4000,
  ) {}

  /** The file at `path`, or undefined when it is not a regular file (gone, a directory). */
  get(path: string): DiskFile | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(path);
    } catch {
      this.entries.delete(path);
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
    this.entries.delete(path);
    this.entries.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, result });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return result;
  }

  /** Forgets a file (it changed on disk). */
  invalidate(path: string): void {
    this.entries.delete(path);
  }

  clear(): void {
    this.entries.clear();
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
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

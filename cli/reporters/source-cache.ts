/** Source text for reporters that quote code (text frames) or hash lines (SARIF fingerprints). */
import fs from 'node:fs';
import { LineIndex } from '../../analyzer/syntax/line-index.js';
import { decodeGoSource } from '../../analyzer/syntax/source-text.js';

export interface Source {
  /** The file's text, BOM removed (positions are offsets into it). */
  readonly text: string;
  readonly lines: LineIndex;
  /** The file starts with a UTF-8 byte order mark (GitHub's line hashes include it). */
  readonly hasBom: boolean;
}

export interface SourceReader {
  get(path: string): Source | undefined;
}

export class SourceCache implements SourceReader {
  private readonly cache = new Map<string, Source | null>();

  get(path: string): Source | undefined {
    const hit = this.cache.get(path);
    if (hit !== undefined) return hit ?? undefined;
    let src: Source | null = null;
    try {
      const d = decodeGoSource(fs.readFileSync(path));
      if (d.ok) src = { text: d.text, lines: new LineIndex(d.text), hasBom: d.hasBom };
    } catch {
      src = null;
    }
    this.cache.set(path, src);
    return src ?? undefined;
  }
}

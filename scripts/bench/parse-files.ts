/** The parse-only baseline's work: read, decode and parse a directory's files, nothing else. */
import fs from 'node:fs';
import { parseGo } from '../../analyzer/syntax/parser.js';
import { decodeGoSource, readFileHeader } from '../../analyzer/syntax/source-text.js';

export interface ParseJob {
  readonly files: readonly string[];
  /** Hand-out order: the same weight gomaplint gives the directory. */
  readonly weight: number;
}

export interface ParseResult {
  readonly files: number;
  readonly bytes: number;
}

/** Parses the files gomaplint would lint (readable Go source, generated files skipped). */
export function parseFiles(job: ParseJob): ParseResult {
  let files = 0;
  let bytes = 0;
  for (const path of job.files) {
    let raw: Uint8Array;
    try {
      raw = fs.readFileSync(path);
    } catch {
      continue;
    }
    const decoded = decodeGoSource(raw);
    if (!decoded.ok || readFileHeader(decoded.text).generated) continue;
    parseGo(decoded.text);
    files++;
    bytes += raw.length;
  }
  return { files, bytes };
}

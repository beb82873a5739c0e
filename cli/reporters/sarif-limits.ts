/**
 * Keeping a SARIF file inside what GitHub code scanning accepts: at most 25,000 results per run
 * and 10 MB per gzip-compressed file (a larger upload is rejected whole). When a report would not
 * fit, the least severe findings are left out first — errors before warnings before notes, and in
 * report order within a severity — and the caller warns about what was dropped.
 */
import zlib from 'node:zlib';
import { SEVERITY_RANK, type Finding, type Severity } from '../../analyzer/engine/finding.js';

export interface SarifLimits {
  readonly maxResults: number;
  /** Limit on the gzip-compressed size (the upload action gzips before sending). */
  readonly maxGzipBytes: number;
}

/** GitHub's limits; 10 MB taken as 10,000,000 bytes to stay clear of either reading of "MB". */
export const GITHUB_SARIF_LIMITS: SarifLimits = { maxResults: 25_000, maxGzipBytes: 10_000_000 };

export interface FittedSarif {
  readonly text: string;
  readonly kept: readonly Finding[];
  /** How many findings of each severity were left out. */
  readonly omitted: Readonly<Record<Severity, number>>;
}

/**
 * Renders `findings` (via `render`) as they are when they fit, else the most severe ones that do.
 * `render` must be deterministic; it is called again with fewer findings while the file is too big.
 */
export function fitSarif(findings: readonly Finding[], limits: SarifLimits, render: (kept: readonly Finding[]) => string): FittedSarif {
  const ranked = findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i);
  let count = Math.min(findings.length, limits.maxResults);
  for (;;) {
    const kept = ranked
      .slice(0, count)
      .sort((a, b) => a.i - b.i)
      .map((r) => r.f);
    const text = render(kept);
    const size = compressedSizeAtMost(text, limits.maxGzipBytes);
    if (size <= limits.maxGzipBytes || count === 0) return { text, kept, omitted: omittedBySeverity(ranked.slice(count).map((r) => r.f)) };
    count = Math.min(count - 1, Math.floor(count * (limits.maxGzipBytes / size) * 0.95));
  }
}

/**
 * The gzip size of `text`, or its raw size when that already proves it fits (deflate never grows
 * data by more than 5 bytes per 16 KB block plus an 18-byte gzip frame).
 */
function compressedSizeAtMost(text: string, limit: number): number {
  const raw = Buffer.byteLength(text);
  if (raw + Math.ceil(raw / 16_384) * 5 + 18 <= limit) return raw;
  return zlib.gzipSync(text).length;
}

function omittedBySeverity(dropped: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const f of dropped) out[f.severity]++;
  return out;
}

/**
 * `--format json`: a stable, documented shape (docs/output.md). Lines are 1-based; `column` is in
 * UTF-16 code units and `byteColumn` in UTF-8 bytes, both 1-based; `offset` is 0-based UTF-16.
 */
import type { Position } from '../../analyzer/syntax/line-index.js';
import { displayPath, type Reporter } from './reporter.js';

export const JSON_FORMAT_VERSION = 1;

const pos = (p: Position) => ({ line: p.line, column: p.column, byteColumn: p.byteColumn, offset: p.offset });

export const jsonReporter: Reporter = {
  name: 'json',
  render(input) {
    const count = (s: string) => input.findings.filter((f) => f.severity === s).length;
    const out = {
      version: JSON_FORMAT_VERSION,
      tool: { name: 'gomaplint', version: input.toolVersion },
      findings: input.findings.map((f) => ({
        rule: f.ruleId,
        severity: f.severity,
        message: f.message,
        file: displayPath(f.path, input.cwd),
        start: pos(f.start),
        end: pos(f.end),
        ...(f.fix
          ? {
              fix: {
                description: f.fix.description,
                safe: f.fix.safe,
                edits: f.fix.edits.map((e) => ({ start: pos(e.start), end: pos(e.end), newText: e.newText })),
              },
            }
          : {}),
        related: f.related.map((r) => ({ file: displayPath(r.path, input.cwd), start: pos(r.start), end: pos(r.end), message: r.message })),
      })),
      problems: input.problems.map((p) => ({ file: displayPath(p.path, input.cwd), message: p.message })),
      summary: {
        files: input.stats.files,
        bytes: input.stats.bytes,
        packages: input.stats.packages,
        findings: input.findings.length,
        errors: count('error'),
        warnings: count('warning'),
        notes: count('note'),
        skipped: input.stats.skipped,
        generated: input.stats.generated,
        suppressed: input.stats.suppressed,
        durationMs: Math.round(input.durationMs),
      },
    };
    return `${JSON.stringify(out, null, 2)}\n`;
  },
};

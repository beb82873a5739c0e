/**
 * `--format text` (the default): what people read in a terminal.
 *
 *   path/file.go:12:3: warning nil-as-delete cache[k] = nil keeps the key in map cache: ...
 *      12 |     cache[k] = nil
 *         |     ^^^^^^^^^^^^^^
 *
 * Columns are 1-based UTF-8 byte columns, like the go tool's `file:line:col`.
 */
import type { Finding } from '../../analyzer/engine/finding.js';
import { cellWidth, COLOR, PLAIN, type Style } from '../terminal.js';
import { displayPath, type Reporter } from './reporter.js';
import { SourceCache, type SourceReader } from './source-cache.js';

export const textReporter: Reporter = {
  name: 'text',
  render(input) {
    const style = input.color ? COLOR : PLAIN;
    const sources = input.sources ?? new SourceCache();
    const out: string[] = [];
    for (const f of input.findings) {
      const where = `${displayPath(f.path, input.cwd)}:${f.start.line}:${f.start.byteColumn}`;
      out.push(`${style.bold(where)}: ${severityLabel(f.severity, style)} ${style.dim(f.ruleId)} ${f.message}`);
      out.push(...codeFrame(f, sources, style));
    }
    out.push(summaryLine(input.findings, input.stats.files, input.stats.skipped, input.stats.suppressed, input.durationMs, style));
    return `${out.join('\n')}\n`;
  },
};

function severityLabel(s: string, style: Style): string {
  return s === 'error' ? style.red('error') : s === 'warning' ? style.yellow('warning') : style.cyan('note');
}

function codeFrame(f: Finding, sources: SourceReader, style: Style): string[] {
  const src = sources.get(f.path);
  if (!src) return [];
  const line0 = f.start.line - 1;
  const lineText = src.lines.lineText(line0);
  if (lineText.length > 500) return [];
  const startCol = f.start.column - 1;
  const endCol = f.end.line === f.start.line ? Math.max(f.end.column - 1, startCol + 1) : lineText.length;
  const gutter = String(f.start.line);
  const pad = ' '.repeat(gutter.length);
  const underline = marker(lineText, startCol, Math.min(endCol, Math.max(lineText.length, startCol + 1)));
  return [`  ${style.dim(`${gutter} |`)} ${lineText}`, `  ${style.dim(`${pad} |`)} ${style.yellow(underline)}`];
}

/** Spaces up to the span (tabs kept, wide characters doubled), then carets under it. */
function marker(line: string, start: number, end: number): string {
  let prefix = '';
  let carets = 0;
  for (let i = 0; i < end; ) {
    const cp = line.codePointAt(i) ?? 32;
    const units = cp > 0xffff ? 2 : 1;
    const w = cellWidth(cp);
    if (i < start) prefix += line[i] === '\t' ? '\t' : ' '.repeat(w);
    else carets += line[i] === '\t' ? 1 : w;
    i += units;
  }
  return prefix + '^'.repeat(Math.max(1, carets));
}

function summaryLine(findings: readonly Finding[], files: number, skipped: number, suppressed: number, ms: number, style: Style): string {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const parts: string[] = [];
  const e = count('error');
  const w = count('warning');
  const n = count('note');
  if (e) parts.push(`${e} error${e === 1 ? '' : 's'}`);
  if (w) parts.push(`${w} warning${w === 1 ? '' : 's'}`);
  if (n) parts.push(`${n} note${n === 1 ? '' : 's'}`);
  const what = findings.length === 0 ? style.green('no findings') : `${findings.length} finding${findings.length === 1 ? '' : 's'} (${parts.join(', ')})`;
  const extra: string[] = [];
  if (skipped) extra.push(`${skipped} skipped`);
  if (suppressed) extra.push(`${suppressed} suppressed`);
  const tail = extra.length ? `; ${extra.join(', ')}` : '';
  return `${what} in ${files} file${files === 1 ? '' : 's'}${tail} (${(ms / 1000).toFixed(2)}s)`;
}

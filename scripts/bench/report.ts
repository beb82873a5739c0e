/** The generated part of docs/benchmarks.md. */

export interface Row {
  readonly name: string;
  /** Whether the run processed the corpus (files, MB and rates apply); staticcheck analyses packages with their dependencies. */
  readonly corpus: boolean;
  readonly runs: number;
  readonly files: number;
  readonly megabytes: number;
  /** Median wall seconds, and the spread over the runs. */
  readonly wall: number;
  readonly wallMin: number;
  readonly wallMax: number;
  /** Median user + system CPU seconds. */
  readonly cpu: number | undefined;
  /** Highest peak RSS over the runs. */
  readonly peakRssMb: number | undefined;
}

export interface LatencyRow {
  readonly file: string;
  readonly lines: number;
  readonly edits: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export interface ReportData {
  readonly date: string;
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly node: string;
  readonly loadAverage: readonly number[];
  readonly stdPackage: string;
  readonly packages: number;
  readonly findings: number;
  readonly repeats: number;
  /** In this order: parse-only, cold, cold with cache, warm, edited, then staticcheck cold and warm if run. */
  readonly rows: readonly Row[];
  readonly editedFile: string;
  readonly latency: readonly LatencyRow[];
  readonly latencyMethod: string;
}

const f2 = (n: number) => n.toFixed(2);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const opt = (n: number | undefined, f: (n: number) => string) => (n === undefined ? '–' : f(n));

export function renderReport(d: ReportData): string {
  const [parse, cold, , warm, edited, scCold, scWarm] = d.rows as [Row, Row, Row, Row, Row, Row?, Row?];
  const lines: string[] = [];
  lines.push(`Measured on ${d.date}: ${d.cores} cores (${d.cpuModel}), ${d.memoryGb.toFixed(0)} GiB, Node ${d.node}; load average at the start ${d.loadAverage.map(f2).join(' / ')}.`);
  lines.push(`Corpus: the Go standard library from Debian's \`${d.stdPackage}\`, linted as \`gomaplint ./...\` in its \`src\` directory (a copy of it): ${int(cold.files)} files, ${d.packages} packages, ${f2(cold.megabytes)} MB (10^6 bytes, generated files excluded, as gomaplint skips them); ${d.findings} finding(s).`);
  lines.push(`Each figure is the median of ${d.repeats} runs (wall: min–max in brackets); CPU is user + system time of all threads; gomaplint and the baseline run with \`--jobs ${d.cores}\` (all cores).`);
  lines.push('');
  lines.push('| run | files | MB | wall s | files/s | MB/s | CPU s | peak RSS MB |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of d.rows) {
    const c = (s: string) => (r.corpus ? s : '–');
    lines.push(`| ${r.name} | ${c(int(r.files))} | ${c(f2(r.megabytes))} | ${f2(r.wall)} (${f2(r.wallMin)}–${f2(r.wallMax)}) | ${c(int(r.files / r.wall))} | ${c(f2(r.megabytes / r.wall))} | ${opt(r.cpu, f2)} | ${opt(r.peakRssMb, int)} |`);
  }
  lines.push('');
  lines.push('| ratio | wall | CPU |');
  lines.push('|---|---:|---:|');
  const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : `${f2(a / b)}×`);
  lines.push(`| gomaplint cold / parse-only | ${ratio(cold.wall, parse.wall)} | ${ratio(cold.cpu, parse.cpu)} |`);
  if (scCold && scWarm) {
    lines.push(`| staticcheck cold / gomaplint cold | ${ratio(scCold.wall, cold.wall)} | ${ratio(scCold.cpu, cold.cpu)} |`);
    lines.push(`| staticcheck warm / gomaplint warm | ${ratio(scWarm.wall, warm.wall)} | ${ratio(scWarm.cpu, warm.cpu)} |`);
  } else {
    lines.push('| staticcheck | not run | |');
  }
  lines.push('');
  lines.push(`Editor re-lint latency after a one-character edit (a space typed, then erased, at the start of indented lines spread over the file): ${d.latencyMethod}.`);
  lines.push('');
  lines.push('| file | lines | edits | p50 ms | p95 ms | max ms |');
  lines.push('|---|---:|---:|---:|---:|---:|');
  for (const l of d.latency) lines.push(`| ${l.file} | ${int(l.lines)} | ${l.edits} | ${l.p50.toFixed(1)} | ${l.p95.toFixed(1)} | ${l.max.toFixed(1)} |`);
  lines.push('');
  const gomaplintRss = Math.max(...d.rows.filter((r) => r.name.startsWith('gomaplint')).map((r) => r.peakRssMb ?? 0));
  const worstP95 = Math.max(...d.latency.map((l) => l.p95));
  const check = (ok: boolean) => (ok ? 'met' : '**not met**');
  lines.push('| target | measured | |');
  lines.push('|---|---|---|');
  lines.push(`| cold run ≤ 1.3× the parse-only baseline (wall, same threads) | ${f2(cold.wall / parse.wall)}× | ${check(cold.wall <= 1.3 * parse.wall)} |`);
  lines.push(`| warm run < 1 s | ${f2(warm.wall)} s | ${check(warm.wall < 1)} |`);
  lines.push(`| after editing one file: only its package re-analysed | ${f2(edited.wall)} s | |`);
  lines.push(`| peak RSS < 500 MB | ${int(gomaplintRss)} MB | ${check(gomaplintRss < 500)} |`);
  if (d.latency.length > 0) lines.push(`| editor p95 < 30 ms | ${worstP95.toFixed(1)} ms (worst file) | ${check(worstP95 < 30)} |`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}

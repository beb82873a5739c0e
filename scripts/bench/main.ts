/**
 * `npm run bench`: gomaplint on the Go standard library — cold, warm (cache), after an edit —
 * against the parse-only floor and staticcheck, plus the editor's re-lint latency; the figures go
 * to docs/benchmarks.md (between the bench markers) and to stdout.
 *
 * Options: --repeats N (3), --skip-staticcheck, --keystrokes N (200), --out FILE.
 * Timings are medians over the repeats (wall: min–max too); CPU is user + system of all threads.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzerTarget, measureKeystrokes, type KeystrokeResult } from './keystroke.js';
import { measureCommand, measureNode, median, quantile, type Measurement } from './measure.js';
import { renderReport, type Row } from './report.js';
import { ensureStdSource, STD_PACKAGE } from './std-source.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = findRepoRoot(here);
const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const repeats = Number(option('--repeats') ?? 3);
const keystrokes = Number(option('--keystrokes') ?? 200);
const out = path.resolve(option('--out') ?? path.join(repo, 'docs', 'benchmarks.md'));
const skipStaticcheck = args.includes('--skip-staticcheck');
const cores = os.availableParallelism();
const cli = path.join(repo, 'dist', 'cli', 'main.js');
const parseOnly = path.join(here, 'parse-only.js');
const STATICCHECK = '/usr/bin/go-staticcheck';
/** The file edited between the warm run and the "after an edit" run. */
const EDITED = path.join('net', 'http', 'server.go');
/** Files whose editing latency is measured (relative to the source root). */
const KEYSTROKE_FILES = [path.join('cmd', 'internal', 'obj', 'x86', 'asm6.go'), path.join('runtime', 'proc.go')];

const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

function findRepoRoot(from: string): string {
  for (let d = from; ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, 'package.json')) && fs.existsSync(path.join(d, 'dist', 'cli', 'main.js'))) return d;
    if (path.dirname(d) === d) throw new Error('run `npm run build` first: dist/cli/main.js not found');
  }
}

function repeat(label: string, n: number, run: (i: number) => Measurement): Measurement[] {
  const ms: Measurement[] = [];
  for (let i = 0; i < n; i++) {
    const m = run(i);
    log(`${label} #${i + 1}: ${m.wallSeconds.toFixed(2)} s wall, ${m.cpuSeconds?.toFixed(2) ?? '?'} s CPU, ${m.peakRssMb?.toFixed(0) ?? '?'} MB peak RSS (exit ${m.exitCode})`);
    if (m.exitCode > 1) throw new Error(`${label} failed (exit ${m.exitCode}):\n${m.stderr}`);
    ms.push(m);
  }
  return ms;
}

function row(name: string, ms: readonly Measurement[], files: number, bytes: number, corpus = true): Row {
  const walls = ms.map((m) => m.wallSeconds);
  const cpus = ms.flatMap((m) => (m.cpuSeconds === undefined ? [] : [m.cpuSeconds]));
  const rss = ms.flatMap((m) => (m.peakRssMb === undefined ? [] : [m.peakRssMb]));
  return {
    name,
    corpus,
    runs: ms.length,
    files,
    megabytes: bytes / 1e6,
    wall: median(walls),
    wallMin: Math.min(...walls),
    wallMax: Math.max(...walls),
    cpu: cpus.length ? median(cpus) : undefined,
    peakRssMb: rss.length ? Math.max(...rss) : undefined,
  };
}

const started = new Date();
const load = os.loadavg();
log(`${cores} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load ${load.map((l) => l.toFixed(2)).join(' ')}`);
const std = ensureStdSource(log);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-bench-'));
const src = path.join(work, 'src');
try {
  log(`copying ${std} to ${src} (the edit step changes a file; the installed source stays untouched)`);
  fs.cpSync(std, src, { recursive: true, verbatimSymlinks: true });

  const parse = repeat('parse-only', repeats, () => measureNode(parseOnly, ['--jobs', String(cores), src], src));
  const corpus = JSON.parse((parse[0] as Measurement).stdout) as { files: number; bytes: number };
  const lint = (cache: string | undefined) => measureNode(cli, ['--format', 'json', ...(cache ? ['--cache-location', cache] : []), './...'], src);
  const cold = repeat('gomaplint cold', repeats, () => lint(undefined));
  const report = JSON.parse((cold[0] as Measurement).stdout) as { summary: { files: number; packages: number; findings: number }; findings: unknown[] };
  for (const m of cold) {
    if (JSON.stringify((JSON.parse(m.stdout) as typeof report).findings) !== JSON.stringify(report.findings)) throw new Error('two cold runs disagree');
  }
  const coldCache = repeat('gomaplint cold, empty cache', repeats, (i) => lint(path.join(work, `cache-${i}`)));
  const cache = path.join(work, `cache-${repeats - 1}`);
  const warm = repeat('gomaplint warm', repeats, () => lint(cache));
  const edited = repeat('gomaplint after editing one file', repeats, (i) => {
    fs.appendFileSync(path.join(src, EDITED), `\n// gomaplint benchmark edit ${i}\n`);
    return lint(cache);
  });

  let staticcheck: { cold: Measurement; warm: Measurement[] } | undefined;
  if (!skipStaticcheck && fs.existsSync(STATICCHECK)) {
    const env = { XDG_CACHE_HOME: path.join(work, 'xdg-cache'), GOCACHE: path.join(work, 'go-cache'), GOFLAGS: '' };
    const sc = (): Measurement => measureCommand({ command: STATICCHECK, args: ['-checks', 'SA5000,S1033', 'std'], cwd: work, env });
    log('staticcheck cold (empty caches): this takes minutes');
    const scCold = repeat('staticcheck cold', 1, sc);
    staticcheck = { cold: scCold[0] as Measurement, warm: repeat('staticcheck warm', repeats, sc) };
  } else {
    log(skipStaticcheck ? 'staticcheck skipped (--skip-staticcheck)' : `staticcheck not installed at ${STATICCHECK}`);
  }

  const latency: KeystrokeResult[] = [];
  const target = analyzerTarget();
  for (const f of KEYSTROKE_FILES) {
    const file = path.join(src, f);
    if (!fs.existsSync(file)) continue;
    const r = await measureKeystrokes(target, file, keystrokes);
    log(`keystrokes in ${f} (${r.lines} lines): p50 ${quantile(r.samples, 0.5).toFixed(1)} ms, p95 ${quantile(r.samples, 0.95).toFixed(1)} ms`);
    latency.push({ ...r, file: f });
  }

  const n = corpus.files;
  const b = corpus.bytes;
  const markdown = renderReport({
    date: started.toISOString().slice(0, 10),
    cores,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: os.totalmem() / 2 ** 30,
    node: process.version,
    loadAverage: load,
    stdPackage: STD_PACKAGE,
    packages: report.summary.packages,
    findings: report.summary.findings,
    repeats,
    rows: [
      row('parse-only baseline (read + decode + tree-sitter parse)', parse, n, b),
      row('gomaplint cold (no cache)', cold, n, b),
      row('gomaplint cold, `--cache` (empty cache, entries written)', coldCache, n, b),
      row('gomaplint warm, `--cache`, nothing changed', warm, n, b),
      row(`gomaplint \`--cache\` after editing one file (${EDITED.split(path.sep).join('/')})`, edited, n, b),
      ...(staticcheck
        ? [row('staticcheck -checks SA5000,S1033 std, cold (empty caches)', [staticcheck.cold], n, b, false), row('staticcheck -checks SA5000,S1033 std, warm', staticcheck.warm, n, b, false)]
        : []),
    ],
    editedFile: EDITED.split(path.sep).join('/'),
    latency: latency.map((l) => ({ file: l.file.split(path.sep).join('/'), lines: l.lines, edits: l.samples.length, p50: quantile(l.samples, 0.5), p95: quantile(l.samples, 0.95), max: Math.max(...l.samples) })),
    latencyMethod: target.description,
  });
  const previous = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, spliceReport(previous, markdown));
  process.stdout.write(markdown);
  log(`written to ${path.relative(process.cwd(), out) || out}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** Replaces the generated part of the document (between the markers), keeping the rest. */
function spliceReport(doc: string, generated: string): string {
  const begin = '<!-- bench:begin (generated by `npm run bench`; edit outside the markers) -->';
  const end = '<!-- bench:end -->';
  const block = `${begin}\n${generated}${end}\n`;
  const i = doc.indexOf('<!-- bench:begin');
  const j = doc.indexOf(end);
  if (i < 0 || j < 0) return `# Benchmarks\n\n${block}`;
  return doc.slice(0, i) + block + doc.slice(j + end.length + 1);
}

/**
 * `npm run corpus`: lint real Go source nobody on the team wrote, join every finding with the
 * verdict a person wrote down for it (docs/corpus-verdicts.yaml), and write docs/corpus-report.md
 * with per-rule precision, the files/MB linted, the run time, and a comparison with staticcheck's
 * SA5000 and S1033 on the standard library and testdata/compare.
 *
 * Installs the Debian packages it needs (golang-1.19-src and the library -dev packages) when they
 * are missing. Exits 1 when a finding has no verdict or a rule is below 90% precision.
 *
 *   npm run corpus [-- --no-staticcheck]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const GO_SRC = '/usr/share/go-1.19/src';
const GOCODE = '/usr/share/gocode/src';

interface Target {
  /** How the report names the tree (prefix of every path). */
  readonly label: string;
  readonly dir: string;
  readonly pattern: string;
  readonly debianPackage: string;
}

const TARGETS: readonly Target[] = [
  { label: 'std', dir: GO_SRC, pattern: './...', debianPackage: 'golang-1.19-src' },
  { label: 'cmd', dir: path.join(GO_SRC, 'cmd'), pattern: './...', debianPackage: 'golang-1.19-src' },
  { label: 'github.com/docker/docker', dir: `${GOCODE}/github.com/docker/docker`, pattern: './...', debianPackage: 'golang-github-docker-docker-dev' },
  { label: 'github.com/containerd/containerd', dir: `${GOCODE}/github.com/containerd/containerd`, pattern: './...', debianPackage: 'golang-github-containerd-containerd-dev' },
  { label: 'go.etcd.io/etcd', dir: `${GOCODE}/go.etcd.io/etcd`, pattern: './...', debianPackage: 'golang-etcd-server-dev' },
  { label: 'google.golang.org/grpc', dir: `${GOCODE}/google.golang.org/grpc`, pattern: './...', debianPackage: 'golang-google-grpc-dev' },
  { label: 'github.com/hashicorp/raft', dir: `${GOCODE}/github.com/hashicorp/raft`, pattern: './...', debianPackage: 'golang-github-hashicorp-raft-dev' },
  { label: 'github.com/hashicorp/memberlist', dir: `${GOCODE}/github.com/hashicorp/memberlist`, pattern: './...', debianPackage: 'golang-github-hashicorp-memberlist-dev' },
  { label: 'github.com/hashicorp/serf', dir: `${GOCODE}/github.com/hashicorp/serf`, pattern: './...', debianPackage: 'golang-github-hashicorp-serf-dev' },
  { label: 'github.com/miekg/dns', dir: `${GOCODE}/github.com/miekg/dns`, pattern: './...', debianPackage: 'golang-github-miekg-dns-dev' },
  { label: 'github.com/prometheus/client_golang', dir: `${GOCODE}/github.com/prometheus/client_golang`, pattern: './...', debianPackage: 'golang-github-prometheus-client-golang-dev' },
  { label: 'github.com/spf13/viper', dir: `${GOCODE}/github.com/spf13/viper`, pattern: './...', debianPackage: 'golang-github-spf13-viper-dev' },
];

interface Position {
  line: number;
  column: number;
}

interface JsonFinding {
  rule: string;
  severity: string;
  message: string;
  file: string;
  start: Position;
}

interface JsonReport {
  findings: JsonFinding[];
  summary: { files: number; bytes: number; packages: number; skipped: number; generated: number };
}

interface CorpusFinding {
  readonly rule: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

interface Verdict {
  rule: string;
  file: string;
  line: number;
  verdict: 'tp' | 'fp';
  why: string;
}

interface TargetRun {
  readonly target: Target;
  readonly files: number;
  readonly bytes: number;
  readonly seconds: number;
  readonly findings: CorpusFinding[];
}

function ensureInstalled(): void {
  const missing = [...new Set(TARGETS.filter((t) => !fs.existsSync(t.dir)).map((t) => t.debianPackage))];
  if (missing.length === 0) return;
  console.error(`corpus: installing ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, ...args] as [string, ...string[]];
    const r = spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status !== 0) throw new Error(`corpus: "${args.join(' ')}" failed; install ${missing.join(' ')} by hand`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...missing]);
}

function lint(t: Target): TargetRun {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', '--fail-on', 'never', t.pattern], { cwd: t.dir, encoding: 'utf8', maxBuffer: 256 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`corpus: gomaplint failed on ${t.label} (exit ${r.status}):\n${r.stderr}`);
  const report = JSON.parse(r.stdout) as JsonReport;
  return {
    target: t,
    files: report.summary.files,
    bytes: report.summary.bytes,
    seconds,
    findings: report.findings.map((f) => ({ rule: f.rule, severity: f.severity, file: `${t.label}/${f.file}`, line: f.start.line, message: f.message })),
  };
}

interface StaticcheckFinding {
  readonly file: string;
  readonly line: number;
  readonly check: string;
  readonly message: string;
}

function staticcheck(dir: string, pattern: string, label: string): StaticcheckFinding[] | string {
  const bin = ['go-staticcheck', 'staticcheck'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
  if (!bin) return 'staticcheck is not installed (Debian package go-staticcheck)';
  const r = spawnSync(bin, ['-checks', 'SA5000,S1033', pattern], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, GOFLAGS: '-mod=mod' } });
  const out: StaticcheckFinding[] = [];
  for (const line of `${r.stdout}\n${r.stderr}`.split('\n')) {
    const m = /^(.+?\.go):(\d+):\d+: (.*) \((SA5000|S1033)\)$/.exec(line.trim());
    if (!m) continue;
    const file = path.isAbsolute(m[1] as string) ? path.relative(dir, m[1] as string) : (m[1] as string);
    out.push({ file: `${label}/${file}`, line: Number(m[2]), check: m[4] as string, message: m[3] as string });
  }
  return out;
}

function loadVerdicts(): Verdict[] {
  const file = path.join(ROOT, 'docs', 'corpus-verdicts.yaml');
  if (!fs.existsSync(file)) return [];
  return (YAML.parse(fs.readFileSync(file, 'utf8')) as Verdict[] | null) ?? [];
}

const key = (rule: string, file: string, line: number) => `${rule}|${file}|${line}`;

function main(): void {
  const withStaticcheck = !process.argv.includes('--no-staticcheck');
  if (!fs.existsSync(CLI)) throw new Error('corpus: dist/ is missing; run npm run build');
  ensureInstalled();
  const runs = TARGETS.map((t) => {
    console.error(`corpus: linting ${t.label}`);
    return lint(t);
  });
  const verdicts = new Map(loadVerdicts().map((v) => [key(v.rule, v.file, v.line), v]));
  const findings = runs.flatMap((r) => r.findings);
  const rules = execFileSync(process.execPath, [CLI, '--list-rules'], { encoding: 'utf8' })
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[0] as string)
    .filter(Boolean);

  const lines: string[] = [];
  const out = (s = '') => lines.push(s);
  out('# Corpus report');
  out();
  out('gomaplint run over real Go code nobody on the team wrote; every finding read by a person and');
  out('given a verdict: **true positive** (a maintainer would change the code) or **false positive** (why).');
  out('Generated by `npm run corpus` from the verdicts in [corpus-verdicts.yaml](corpus-verdicts.yaml).');
  out();
  out(`Date: ${new Date().toISOString().slice(0, 10)} · machine: ${os.cpus().length} cores · gomaplint ${pkgVersion()}`);
  out();
  out('## What was linted');
  out();
  out('| tree | pattern | files | MB | time (s) | findings |');
  out('|---|---|---:|---:|---:|---:|');
  for (const r of runs) out(`| ${r.target.label} | \`${r.target.pattern}\` | ${r.files} | ${(r.bytes / 1e6).toFixed(1)} | ${r.seconds.toFixed(1)} | ${r.findings.length} |`);
  const totalFiles = runs.reduce((a, r) => a + r.files, 0);
  const totalBytes = runs.reduce((a, r) => a + r.bytes, 0);
  const totalSeconds = runs.reduce((a, r) => a + r.seconds, 0);
  out(`| **total** | | **${totalFiles}** | **${(totalBytes / 1e6).toFixed(1)}** | **${totalSeconds.toFixed(1)}** | **${findings.length}** |`);
  out();
  out('## Precision by rule');
  out();
  out('| rule | findings | true positives | false positives | no verdict | precision |');
  out('|---|---:|---:|---:|---:|---:|');
  let failed = false;
  for (const rule of rules) {
    const mine = findings.filter((f) => f.rule === rule);
    const tp = mine.filter((f) => verdicts.get(key(f.rule, f.file, f.line))?.verdict === 'tp').length;
    const fp = mine.filter((f) => verdicts.get(key(f.rule, f.file, f.line))?.verdict === 'fp').length;
    const none = mine.length - tp - fp;
    const precision = tp + fp === 0 ? 'n/a' : `${Math.round((100 * tp) / (tp + fp))}%`;
    if (none > 0 || (tp + fp > 0 && tp / (tp + fp) < 0.9)) failed = true;
    out(`| \`${rule}\` | ${mine.length} | ${tp} | ${fp} | ${none} | ${precision} |`);
  }
  out();
  const silent = rules.filter((r) => !findings.some((f) => f.rule === r));
  if (silent.length > 0) {
    out(`Rules with no finding on this corpus (${silent.map((r) => `\`${r}\``).join(', ')}) have no precision to measure here;`);
    out('their behaviour, positive and negative, is pinned by `testdata/rules/<id>/`.');
    out();
  }
  const fixedFps = [...verdicts.values()].filter((v) => v.verdict === 'fp' && !findings.some((f) => key(f.rule, f.file, f.line) === key(v.rule, v.file, v.line)));
  if (fixedFps.length > 0) {
    out(`While the rules were developed against this corpus, ${fixedFps.length} false positives were found and fixed in the rules`);
    out('(not suppressed); they are listed at the end with what changed.');
    out();
  }
  out('## Findings and verdicts');
  for (const rule of rules) {
    const mine = findings.filter((f) => f.rule === rule);
    out();
    out(`### ${rule}`);
    out();
    if (mine.length === 0) {
      out('No findings.');
      continue;
    }
    for (const f of mine) {
      const v = verdicts.get(key(f.rule, f.file, f.line));
      const label = v ? (v.verdict === 'tp' ? '**TP**' : '**FP**') : '**NO VERDICT**';
      out(`- \`${f.file}:${f.line}\` (${f.severity}) ${label} — ${v ? v.why.trim() : 'not reviewed yet'}`);
      out(`  > ${f.message}`);
    }
  }
  const stale = [...verdicts.values()].filter((v) => !findings.some((f) => key(f.rule, f.file, f.line) === key(v.rule, v.file, v.line)));
  if (stale.length > 0) {
    out();
    out('## Verdicts for findings that are gone');
    out();
    out('Reviewed earlier; the rule no longer reports them (kept for the record).');
    out();
    for (const v of stale) out(`- \`${v.rule}\` \`${v.file}:${v.line}\` (${v.verdict.toUpperCase()}) — ${v.why.trim()}`);
  }

  if (withStaticcheck) {
    console.error('corpus: running staticcheck (minutes when its cache is cold)');
    out();
    out('## staticcheck comparison (SA5000, S1033)');
    out();
    out('`go-staticcheck -checks SA5000,S1033` on the same trees. Every SA5000 finding must be a');
    out('`nil-map-write` finding too; S1033 is matched against `redundant-delete-guard` (which');
    out('deliberately skips guards around expressions with side effects).');
    const compareDir = path.join(ROOT, 'testdata', 'compare');
    const compareRun = lint({ label: 'testdata/compare', dir: compareDir, pattern: './...', debianPackage: '' });
    const sets: Array<[string, StaticcheckFinding[] | string, CorpusFinding[]]> = [
      ['std', staticcheck(GO_SRC, 'std', 'std'), runs[0]?.findings ?? []],
      ['cmd', staticcheck(path.join(GO_SRC, 'cmd'), './...', 'cmd'), runs[1]?.findings ?? []],
      ['testdata/compare', staticcheck(compareDir, './...', 'testdata/compare'), compareRun.findings],
    ];
    for (const [label, sc, ours] of sets) {
      out();
      out(`### ${label}`);
      out();
      if (typeof sc === 'string') {
        out(sc);
        continue;
      }
      out('| staticcheck | location | gomaplint |');
      out('|---|---|---|');
      for (const s of sc) {
        const rule = s.check === 'SA5000' ? 'nil-map-write' : 'redundant-delete-guard';
        const match = ours.find((f) => f.rule === rule && f.file === s.file && Math.abs(f.line - s.line) <= 1);
        if (!match && s.check === 'SA5000') failed = true;
        out(`| ${s.check} | \`${s.file}:${s.line}\` | ${match ? `\`${match.rule}\` (${match.severity})` : s.check === 'S1033' ? 'not reported (see redundant-delete-guard: side effects)' : '**missed**'} |`);
      }
      for (const f of ours.filter((f) => f.rule === 'nil-map-write' || f.rule === 'redundant-delete-guard')) {
        if (!sc.some((s) => s.file === f.file && Math.abs(f.line - s.line) <= 1)) out(`| – | \`${f.file}:${f.line}\` | \`${f.rule}\` only |`);
      }
      if (sc.length === 0 && !ours.some((f) => f.rule === 'nil-map-write' || f.rule === 'redundant-delete-guard')) out('| – | – | – |');
    }
  }

  fs.writeFileSync(path.join(ROOT, 'docs', 'corpus-report.md'), `${lines.join('\n')}\n`);
  console.error(`corpus: wrote docs/corpus-report.md (${findings.length} findings in ${totalFiles} files, ${totalSeconds.toFixed(1)} s)`);
  if (failed) {
    console.error('corpus: some findings have no verdict, a rule is below 90% precision, or an SA5000 finding was missed');
    process.exitCode = 1;
  }
}

function pkgVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

try {
  main();
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}

/**
 * The `gomaplint` command line. `runCli` is a function of its arguments and I/O so tests can run
 * it in-process; `main.ts` binds it to the real process.
 *
 * Exit codes: 0 no findings at or above the fail level; 1 findings; 2 the invocation was wrong
 * (usage, configuration, patterns that match nothing, an output file that cannot be written) or
 * nothing at all could be linted. The output format never changes them: `--fail-on never` is how
 * CI uploads SARIF and stays green.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, defaultConfig, findConfigFile, loadConfig, type Config, type FailOn } from '../analyzer/config/config.js';
import { selectRules, UnknownRuleError } from '../analyzer/config/rule-selection.js';
import { SEVERITY_RANK, type Finding } from '../analyzer/engine/finding.js';
import { cachingExecutor, defaultCacheDir, ResultCache } from '../analyzer/pipeline/result-cache.js';
import { runLint } from '../analyzer/pipeline/run.js';
import { parallelExecutor } from '../analyzer/pipeline/worker-executor.js';
import { RULES } from '../rules/index.js';
import { OutputSpecError, parseOutputTargets, prepareOutputFile, writeOutputFile, type OutputTarget } from './output-targets.js';
import { resolveRoot } from './repo-root.js';
import { ProgressLine, wantsProgress } from './progress.js';
import { REPORTERS } from './reporters/index.js';
import { displayPath, type ReportInput } from './reporters/reporter.js';
import { SourceCache } from './reporters/source-cache.js';
import { useColor } from './terminal.js';
import { toolFingerprint } from './tool-fingerprint.js';
import { toolVersion } from './version.js';

export interface Output {
  write(s: string): unknown;
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

class UsageError extends Error {}

interface LintFlags {
  format: string[];
  output?: string;
  config?: string;
  enable: string[];
  disable: string[];
  includeGenerated?: boolean;
  listRules?: boolean;
  color?: boolean;
  failOn?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  root?: string;
  category?: string;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
  progress: boolean;
}

interface LspFlags {
  stdio?: boolean;
  nodeIpc?: boolean;
  socket?: string;
  pipe?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command();
  program
    .name('gomaplint')
    .description('Finds map-deletion anti-patterns in Go code.')
    .version(toolVersion(), '-V, --version')
    .argument('[patterns...]', 'packages to lint: ./..., ./pkg/..., a directory or a file', ['./...'])
    .addOption(
      new Option('-f, --format <format[:file]>', `output format: ${[...REPORTERS.keys()].join(', ')}; repeat for several reports, ":file" writes one to a file`)
        .argParser(collect)
        .default([], 'text'),
    )
    .option('-o, --output <file>', 'write the report (the formats given without a file) to a file instead of stdout')
    .option('-c, --config <file>', 'configuration file (default: .gomaplint.yaml/.json found upward)')
    .addOption(new Option('--enable <rules>', 'enable rules (comma-separated ids)').argParser(collect).default([]))
    .addOption(new Option('--disable <rules>', 'disable rules (comma-separated ids)').argParser(collect).default([]))
    .option('--include-generated', 'also lint files marked "Code generated ... DO NOT EDIT."')
    .option('--fix', 'apply safe fixes in place and report what remains')
    .option('--fix-dry-run, --diff', 'print the fixes --fix would apply as a unified diff, change nothing')
    .option('--fail-on <level>', 'lowest severity that fails the run: error, warning, note, never (default: note)')
    .option('--root <dir>', 'repository root that SARIF and github paths are relative to (default: the git top-level)')
    .option('--category <name>', 'SARIF automationDetails.id category, for several uploads per commit (monorepos)')
    .option('-j, --jobs <n>', `threads to lint with (default: the number of cores, ${os.availableParallelism()} here)`)
    .option('--cache', 'reuse the results of packages whose files, configuration and gomaplint did not change')
    .option('--cache-location <dir>', `where the cache lives (implies --cache; default: ${homeRelative(defaultCacheDir(io.env))})`)
    .option('--no-progress', 'never show progress on stderr (shown on a terminal for runs over a second)')
    .option('--list-rules', 'list the rules and exit')
    .option('--color', 'force colour')
    .option('--no-color', 'disable colour')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Usage errors in the shape of every other problem: `gomaplint: <what happened>`.
      outputError: (s, write) => write(`gomaplint: ${s.replace(/^error: /, '').replace(/\n(?=.)/g, ' ')}`),
    })
    .action(async (patterns: string[], flags: LintFlags) => {
      exitCode = await lint(patterns, flags, io);
    });
  program
    .command('lsp')
    .description('run the language server (LSP 3.17) for editors; see docs for editor setup')
    .option('--stdio', 'talk over stdin/stdout (the default)')
    .option('--node-ipc', 'talk over the Node IPC channel (a Node parent process forked the server)')
    .option('--socket <port>', 'connect to the client on this TCP port')
    .option('--pipe <name>', 'connect to the client on this named pipe / socket file')
    .addOption(new Option('--clientProcessId <pid>', 'exit when this process exits').hideHelp())
    .action(async (flags: LspFlags) => {
      // Loaded on demand: a lint run does not pay for the protocol libraries.
      const { startLanguageServer, TransportError } = await import('../lsp/server/index.js');
      try {
        exitCode = await startLanguageServer(flags, toolVersion());
      } catch (e) {
        if (e instanceof TransportError) throw new UsageError(`lsp: ${e.message}`);
        throw e;
      }
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT_OK;
      return EXIT_ERROR; // commander already printed the message
    }
    if (e instanceof UsageError) {
      io.stderr.write(`gomaplint: ${e.message}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
  return exitCode;
}

async function lint(patterns: string[], flags: LintFlags, io: CliIO): Promise<number> {
  const started = performance.now();
  if (flags.listRules) {
    io.stdout.write(listRules());
    return EXIT_OK;
  }
  const targets = outputTargets(flags, io.cwd);
  const root = resolveRoot(flags.root, io.cwd);
  if ('error' in root) throw new UsageError(root.error);
  if (flags.category !== undefined && flags.category.trim() === '') throw new UsageError('--category: empty category');
  let config: Config;
  try {
    const file = flags.config ? path.resolve(io.cwd, flags.config) : findConfigFile(io.cwd);
    if (flags.config && !fs.existsSync(file as string)) throw new UsageError(`${flags.config}: no such configuration file`);
    config = file ? loadConfig(file, RULES.map((r) => r.meta.id)) : defaultConfig(io.cwd);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`${displayPath(e.file, io.cwd)}: ${e.message}`);
    throw e;
  }
  let rules;
  try {
    rules = selectRules(RULES, config, { enable: flags.enable, disable: flags.disable });
  } catch (e) {
    if (e instanceof UnknownRuleError) throw new UsageError(e.message);
    throw e;
  }
  const failOn = parseFailOn(flags.failOn) ?? config.failOn ?? 'note';
  const threads = parseJobs(flags.jobs) ?? os.availableParallelism();
  const cache = flags.cache || flags.cacheLocation !== undefined ? new ResultCache(flags.cacheLocation ? path.resolve(io.cwd, flags.cacheLocation) : defaultCacheDir(io.env), toolFingerprint()) : undefined;
  const parallel = parallelExecutor({ threads, script: lintWorkerScript(), registry: RULES });
  const progress = wantsProgress({ stderrIsTTY: io.stderr.isTTY === true, env: io.env, flag: flags.progress, stdoutFormats: targets.filter((t) => t.file === undefined).map((t) => t.reporter.name) })
    ? new ProgressLine(io.stderr)
    : undefined;

  let result;
  try {
    result = await runLint(
      {
        patterns,
        cwd: io.cwd,
        config,
        rules: rules.map((r) => ({ id: r.rule.meta.id, severity: r.severity })),
        includeGenerated: flags.includeGenerated ?? config.includeGenerated ?? false,
        ...(flags.fixDryRun ? { fix: 'diff' as const } : flags.fix ? { fix: 'write' as const } : {}),
        executor: cache ? cachingExecutor(parallel, cache) : parallel,
      },
      RULES,
      progress ?? {},
    );
  } finally {
    progress?.finish();
  }
  if (cache && cache.writeFailures.length > 0) io.stderr.write(`gomaplint: cannot write the cache in ${cache.dir}: ${cache.writeFailures[0]}\n`);
  for (const p of result.problems) io.stderr.write(`gomaplint: ${displayPath(p.path, io.cwd)}: ${p.message}\n`);
  if (result.fatal.length > 0) {
    for (const f of result.fatal) io.stderr.write(`gomaplint: ${f}\n`);
    return EXIT_ERROR;
  }
  if (flags.fixDryRun) {
    // The diff is the output; the code itself still has its findings.
    for (const f of result.fixed) if (f.diff) io.stdout.write(f.diff);
    const n = result.fixed.reduce((a, f) => a + f.fixes, 0);
    io.stderr.write(`gomaplint: ${n} fix${n === 1 ? '' : 'es'} in ${result.fixed.length} file${result.fixed.length === 1 ? '' : 's'} would be applied; ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} would remain\n`);
    const worst = result.worstBeforeFix;
    return worst && failOn !== 'never' && SEVERITY_RANK[worst] >= SEVERITY_RANK[failOn] ? EXIT_FINDINGS : EXIT_OK;
  }
  if (flags.fix && result.fixed.length > 0) {
    const n = result.fixed.reduce((a, f) => a + f.fixes, 0);
    io.stderr.write(`gomaplint: applied ${n} fix${n === 1 ? '' : 'es'} in ${result.fixed.length} file${result.fixed.length === 1 ? '' : 's'}\n`);
  }
  const input: ReportInput = {
    findings: result.findings,
    problems: result.problems,
    stats: result.stats,
    rules: rules.map((r) => r.rule),
    cwd: io.cwd,
    root: root.root,
    durationMs: performance.now() - started,
    toolVersion: toolVersion(),
    color: false,
    ...(flags.category !== undefined ? { category: flags.category } : {}),
    sources: new SourceCache(),
    warn: (message) => io.stderr.write(`gomaplint: warning: ${message}\n`),
  };
  let outputFailed = false;
  for (const target of targets) {
    if (target.file === undefined) {
      const color = target.reporter.name === 'text' && useColor(io.stdout.isTTY === true, io.env, flags.color);
      io.stdout.write(target.reporter.render({ ...input, color }));
      continue;
    }
    try {
      writeOutputFile({ ...target, file: target.file }, target.reporter.render(input));
    } catch (e) {
      if (!(e instanceof OutputSpecError)) throw e;
      io.stderr.write(`gomaplint: ${e.message}\n`);
      outputFailed = true;
    }
  }
  if (outputFailed) return EXIT_ERROR;
  return fails(result.findings, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

/** The reports to write, with their files prepared; wrong specs are usage errors. */
function outputTargets(flags: LintFlags, cwd: string): OutputTarget[] {
  try {
    const targets = parseOutputTargets(flags.format, flags.output, cwd, REPORTERS);
    for (const t of targets) prepareOutputFile(t);
    return targets;
  } catch (e) {
    if (e instanceof OutputSpecError) throw new UsageError(e.message);
    throw e;
  }
}

function homeRelative(p: string): string {
  const home = os.homedir();
  return p.startsWith(home + path.sep) ? `~${p.slice(home.length)}` : p;
}

function parseJobs(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(v.trim())) throw new UsageError(`--jobs: expected a positive whole number of threads, got "${v}"`);
  return Number(v.trim());
}

/**
 * The worker threads' entry module. Workers need JavaScript: run from the TypeScript sources (the
 * tests do), the built copy in dist/ is used.
 */
function lintWorkerScript(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('../dist/cli/lint-worker.js', import.meta.url) : new URL('./lint-worker.js', import.meta.url);
}

function parseFailOn(v: string | undefined): FailOn | undefined {
  if (v === undefined) return undefined;
  if (v === 'error' || v === 'warning' || v === 'note' || v === 'never') return v;
  throw new UsageError(`--fail-on: invalid level "${v}"; expected error, warning, note or never`);
}

export function fails(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}

function listRules(): string {
  const rows = RULES.map((r) => [r.meta.id, r.meta.severity, r.meta.fixable ? 'fix' : '', r.meta.summary]);
  const w0 = Math.max(...rows.map((r) => (r[0] as string).length), 4);
  const w1 = Math.max(...rows.map((r) => (r[1] as string).length), 8);
  const lines = [`${'RULE'.padEnd(w0)}  ${'SEVERITY'.padEnd(w1)}  FIX  DESCRIPTION`];
  for (const [id, sev, fix, summary] of rows) lines.push(`${(id as string).padEnd(w0)}  ${(sev as string).padEnd(w1)}  ${(fix as string).padEnd(3)}  ${summary}`);
  return `${lines.join('\n')}\n`;
}

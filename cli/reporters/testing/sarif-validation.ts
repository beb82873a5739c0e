/**
 * Validating the SARIF that tests produce, two ways (neither is enough alone):
 * - ajv (JSON Schema 2020-12) against the SARIF 2.1.0 schema shipped in the Sarif.Multitool npm
 *   package: catches enum violations (`level: "warn"`) that the multitool lets through;
 * - Sarif.Multitool `validate --rule-kind "Ghas;Sarif"`: GitHub's upload rules plus SARIF's own
 *   (GH1xxx, SARIF1xxx/2xxx). It exits 0 even when it reports errors, so its output log is read
 *   and every error or warning counts. It takes ~2 s per call, so tests collect their files and
 *   validate them in one call.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

/** Absolute path of the native Sarif.Multitool binary for this platform. */
export function multitoolPath(): string {
  return require('@microsoft/sarif-multitool') as string;
}

let schemaValidator: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!schemaValidator) {
    const schemaFile = path.join(path.dirname(multitoolPath()), 'sarif-2.1.0.json');
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
    addFormats(ajv);
    schemaValidator = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')) as object);
  }
  return schemaValidator;
}

/** Schema violations of a parsed SARIF log, one line each (empty when valid). */
export function schemaErrors(log: unknown): string[] {
  const validate = validator();
  if (validate(log)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
}

interface MultitoolResult {
  readonly ruleId?: string;
  readonly level?: string;
  readonly locations?: ReadonlyArray<{ readonly physicalLocation?: { readonly artifactLocation?: { readonly uri?: string } } }>;
}

/**
 * Errors and warnings Sarif.Multitool reports for `files` (validated in one run), as
 * `level ruleId file: message` lines taken from its console output.
 */
export function multitoolProblems(files: readonly string[]): string[] {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-sarif-validation-'));
  const out = path.join(outDir, 'validation.sarif');
  const run = spawnSync(multitoolPath(), ['validate', ...files, '--rule-kind', 'Ghas;Sarif', '-o', out, '--log', 'ForceOverwrite'], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0 || !fs.existsSync(out)) {
    throw new Error(`Sarif.Multitool failed to run (status ${run.status ?? run.signal}): ${run.error?.message ?? ''}\n${run.stdout}\n${run.stderr}`);
  }
  const log = JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: ReadonlyArray<{ readonly results?: readonly MultitoolResult[] }> };
  const consoleLines = run.stdout.split('\n');
  fs.rmSync(outDir, { recursive: true, force: true });
  const problems: string[] = [];
  for (const r of log.runs[0]?.results ?? []) {
    const level = r.level ?? 'warning';
    if (level !== 'error' && level !== 'warning') continue;
    const where = r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '?';
    const text = consoleLines.find((l) => l.includes(` ${r.ruleId ?? ''}: `))?.trim() ?? '';
    problems.push(`${level} ${r.ruleId ?? '?'} ${where}: ${text}`);
  }
  return problems;
}

/**
 * Collects the SARIF files a test file produces: each is schema-checked at once and kept on disk
 * for one Sarif.Multitool run at the end (`multitoolProblems()`).
 */
export class SarifCollector {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gomaplint-sarif-'));
  readonly files: string[] = [];

  /** Parses `text`, fails on schema errors, and keeps the file; returns the parsed log. */
  add<T = unknown>(name: string, text: string): T {
    const log = JSON.parse(text) as T;
    const errors = schemaErrors(log);
    if (errors.length > 0) throw new Error(`${name}: not valid SARIF 2.1.0:\n${errors.join('\n')}`);
    const file = path.join(this.dir, `${String(this.files.length).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.sarif`);
    fs.writeFileSync(file, text);
    this.files.push(file);
    return log;
  }

  /** Adds an existing SARIF file (written by the CLI). */
  addFile<T = unknown>(file: string): T {
    return this.add<T>(path.basename(file), fs.readFileSync(file, 'utf8'));
  }

  /** Validates every collected file in one Sarif.Multitool run, then deletes them. */
  multitoolProblems(): string[] {
    try {
      return multitoolProblems(this.files);
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

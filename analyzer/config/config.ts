/**
 * Project configuration: `.gomaplint.yaml` / `.gomaplint.yml` / `.gomaplint.json`, found from the
 * working directory upward, or named with `--config`. Configuration is data only: nothing in it is
 * executed (CI runs gomaplint on untrusted pull requests).
 *
 * ```yaml
 * rules:
 *   nil-as-delete: off        # off | on | error | warning | note
 *   concurrent-delete: error
 * exclude:                    # globs, relative to the configuration file's directory
 *   - "internal/generated/**"
 * include-generated: false
 * fail-on: warning            # error | warning | note | never
 * ```
 */
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import YAML from 'yaml';
import type { Severity } from '../engine/finding.js';
import { closest } from './suggest.js';

export type RuleSettingValue = Severity | 'off' | 'on';
export type FailOn = Severity | 'never';

export interface Config {
  /** The file the configuration came from; undefined for the defaults. */
  readonly source: string | undefined;
  /** Directory that `exclude` globs are relative to. */
  readonly baseDir: string;
  readonly rules: ReadonlyMap<string, RuleSettingValue>;
  readonly exclude: readonly string[];
  readonly includeGenerated: boolean | undefined;
  readonly failOn: FailOn | undefined;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const CONFIG_FILE_NAMES = ['.gomaplint.yaml', '.gomaplint.yml', '.gomaplint.json'];

const TOP_LEVEL_KEYS = ['rules', 'exclude', 'include-generated', 'fail-on'];
const RULE_VALUES: readonly RuleSettingValue[] = ['off', 'on', 'error', 'warning', 'note'];
const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'never'];

export function defaultConfig(baseDir: string): Config {
  return { source: undefined, baseDir, rules: new Map(), exclude: [], includeGenerated: undefined, failOn: undefined };
}

/** The configuration file governing `startDir`: the nearest one at or above it. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const present = CONFIG_FILE_NAMES.map((n) => path.join(dir, n)).filter((p) => isFile(p));
    if (present.length > 1) {
      throw new ConfigError(present[0] as string, `several configuration files in ${dir} (${present.map((p) => path.basename(p)).join(', ')}); keep one`);
    }
    if (present.length === 1) return present[0];
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Loads and validates a configuration file. `knownRules` are the valid rule ids (for errors that
 * name the closest one).
 */
export function loadConfig(file: string, knownRules: readonly string[]): Config {
  let text: string;
  try {
    // A named pipe (or a device) given as --config would block the run: regular files only.
    if (!fs.statSync(file).isFile()) throw new ConfigError(file, 'not a regular file');
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(file, `cannot read: ${(e as Error).message}`);
  }
  return parseConfig(text, file, knownRules);
}

export function parseConfig(source: string, file: string, knownRules: readonly string[]): Config {
  // Editors on Windows save UTF-8 with a BOM; JSON.parse rejects it.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let data: unknown;
  if (file.endsWith('.json')) {
    try {
      data = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      throw new ConfigError(file, `invalid JSON: ${(e as Error).message}`);
    }
  } else {
    const doc = YAML.parseDocument(text, { prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      const err = doc.errors[0] as YAML.YAMLError;
      const where = err.linePos?.[0] ? ` (line ${err.linePos[0].line}, column ${err.linePos[0].col})` : '';
      throw new ConfigError(file, `invalid YAML${where}: ${err.message.split('\n')[0]}`);
    }
    try {
      data = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (e) {
      // An alias bomb ("billion laughs"): the yaml library refuses to expand it.
      throw new ConfigError(file, `invalid YAML: ${(e as Error).message}`);
    }
  }
  return validate(data, file, knownRules);
}

function validate(data: unknown, file: string, knownRules: readonly string[]): Config {
  if (!isPlainObject(data)) throw new ConfigError(file, 'expected a mapping of settings at the top level');
  for (const key of Object.keys(data)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      throw new ConfigError(file, `unknown setting "${key}"${hint(key, TOP_LEVEL_KEYS)}; valid settings: ${TOP_LEVEL_KEYS.join(', ')}`);
    }
  }
  const rules = new Map<string, RuleSettingValue>();
  if (data.rules !== undefined && data.rules !== null) {
    if (!isPlainObject(data.rules)) throw new ConfigError(file, '"rules" must be a mapping of rule id to off | on | error | warning | note');
    for (const [id, value] of Object.entries(data.rules)) {
      if (!knownRules.includes(id)) throw new ConfigError(file, `unknown rule "${id}"${hint(id, knownRules)}`);
      const v = value === false ? 'off' : value === true ? 'on' : value;
      if (typeof v !== 'string' || !RULE_VALUES.includes(v as RuleSettingValue)) {
        throw new ConfigError(file, `rule "${id}": invalid value ${JSON.stringify(value)}; expected one of ${RULE_VALUES.join(', ')}`);
      }
      rules.set(id, v as RuleSettingValue);
    }
  }
  let exclude: string[] = [];
  if (data.exclude !== undefined && data.exclude !== null) {
    if (!Array.isArray(data.exclude) || !data.exclude.every((x) => typeof x === 'string')) {
      throw new ConfigError(file, '"exclude" must be a list of glob patterns');
    }
    exclude = data.exclude as string[];
  }
  const ig = data['include-generated'];
  if (ig !== undefined && typeof ig !== 'boolean') throw new ConfigError(file, '"include-generated" must be true or false');
  const fo = data['fail-on'];
  if (fo !== undefined && (typeof fo !== 'string' || !FAIL_ON_VALUES.includes(fo as FailOn))) {
    throw new ConfigError(file, `"fail-on" must be one of ${FAIL_ON_VALUES.join(', ')}`);
  }
  return {
    source: file,
    baseDir: path.dirname(path.resolve(file)),
    rules,
    exclude,
    includeGenerated: ig as boolean | undefined,
    failOn: fo as FailOn | undefined,
  };
}

/** A predicate for excluded files and directories (absolute paths). */
export function exclusionMatcher(config: Config): ((absPath: string, isDir: boolean) => boolean) | undefined {
  if (config.exclude.length === 0) return undefined;
  const isMatch = picomatch(config.exclude as string[], { dot: true });
  return (absPath: string) => {
    const rel = path.relative(config.baseDir, absPath).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || path.isAbsolute(rel)) return false;
    if (isMatch(rel)) return true;
    // A file inside an excluded directory is excluded too.
    const parts = rel.split('/');
    for (let i = 1; i < parts.length; i++) if (isMatch(parts.slice(0, i).join('/'))) return true;
    return false;
  };
}

function hint(value: string, options: readonly string[]): string {
  const c = closest(value, options);
  return c ? ` (did you mean "${c}"?)` : '';
}

/** A mapping as YAML or JSON gives it (not an array, nor a !!binary, !!set or other tagged value). */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

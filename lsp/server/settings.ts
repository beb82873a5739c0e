/**
 * The editor's settings for gomaplint, from `initializationOptions`, `workspace/configuration`
 * (section `gomaplint`) and `workspace/didChangeConfiguration`. Every source is untrusted JSON:
 * unknown keys and wrong types are reported as warnings and ignored, never thrown.
 *
 * ```json
 * { "enable": true,
 *   "rules": { "nil-as-delete": "error" },   // off | on | error | warning | note (or true/false)
 *   "includeGenerated": false,
 *   "configFile": ".config/gomaplint.yaml" }   // instead of the .gomaplint.yaml found upward
 * ```
 * Rule settings given here override the project's configuration file.
 */
import type { RuleSettingValue } from '../../analyzer/config/config.js';
import { closest } from '../../analyzer/config/suggest.js';

export interface ClientSettings {
  readonly enable: boolean;
  readonly rules: ReadonlyMap<string, RuleSettingValue>;
  /** Overrides the configuration file's `include-generated`. */
  readonly includeGenerated: boolean | undefined;
  /** A configuration file to use instead of the one found upward (absolute, or relative to the workspace root). */
  readonly configFile: string | undefined;
  /** Delay between the last change and the analysis in push mode (ms). */
  readonly debounceMs: number;
}

export const DEFAULT_SETTINGS: ClientSettings = {
  enable: true,
  rules: new Map(),
  includeGenerated: undefined,
  configFile: undefined,
  debounceMs: 150,
};

const RULE_VALUES: readonly RuleSettingValue[] = ['off', 'on', 'error', 'warning', 'note'];
const KEYS = ['enable', 'rules', 'includeGenerated', 'configFile', 'debounceMs', 'server', 'trace'];

export interface ParsedSettings {
  readonly settings: ClientSettings;
  readonly warnings: string[];
}

/**
 * Applies `raw` (the `gomaplint` section, or an object holding it under `gomaplint`) on top of
 * `base`. Fields that are absent keep their value from `base`.
 */
export function parseSettings(raw: unknown, base: ClientSettings, knownRules: readonly string[]): ParsedSettings {
  const warnings: string[] = [];
  if (raw === undefined || raw === null) return { settings: base, warnings };
  let obj = raw;
  if (isObject(obj) && isObject(obj.gomaplint)) obj = obj.gomaplint;
  if (!isObject(obj)) {
    warnings.push(`settings: expected an object, got ${describe(obj)}`);
    return { settings: base, warnings };
  }
  let { enable, includeGenerated, configFile, debounceMs } = base;
  let rules = base.rules;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key)) warnings.push(`settings: unknown setting "${key}"${hint(key, KEYS)}`);
  }
  if ('enable' in obj) {
    if (typeof obj.enable === 'boolean') enable = obj.enable;
    else warnings.push(`settings: "enable" must be true or false, got ${describe(obj.enable)}`);
  }
  if ('includeGenerated' in obj) {
    if (typeof obj.includeGenerated === 'boolean' || obj.includeGenerated === null) includeGenerated = obj.includeGenerated ?? undefined;
    else warnings.push(`settings: "includeGenerated" must be true or false, got ${describe(obj.includeGenerated)}`);
  }
  if ('configFile' in obj) {
    if (typeof obj.configFile === 'string' || obj.configFile === null) configFile = obj.configFile ? obj.configFile : undefined;
    else warnings.push(`settings: "configFile" must be a path, got ${describe(obj.configFile)}`);
  }
  if ('debounceMs' in obj) {
    const d = obj.debounceMs;
    if (typeof d === 'number' && Number.isFinite(d) && d >= 0 && d <= 10_000) debounceMs = d;
    else warnings.push(`settings: "debounceMs" must be a number of milliseconds (0 to 10000), got ${describe(d)}`);
  }
  if ('rules' in obj && obj.rules !== null) {
    if (!isObject(obj.rules)) {
      warnings.push(`settings: "rules" must map rule ids to off | on | error | warning | note, got ${describe(obj.rules)}`);
    } else {
      const next = new Map<string, RuleSettingValue>();
      for (const [id, value] of Object.entries(obj.rules)) {
        if (!knownRules.includes(id)) {
          warnings.push(`settings: unknown rule "${id}"${hint(id, knownRules)}`);
          continue;
        }
        const v = value === true ? 'on' : value === false ? 'off' : value;
        if (typeof v === 'string' && (RULE_VALUES as readonly string[]).includes(v)) next.set(id, v as RuleSettingValue);
        else warnings.push(`settings: rule "${id}": invalid value ${describe(value)}; expected one of ${RULE_VALUES.join(', ')}`);
      }
      rules = next;
    }
  }
  return { settings: { enable, rules, includeGenerated, configFile, debounceMs }, warnings };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function hint(value: string, options: readonly string[]): string {
  const c = closest(value, options);
  return c ? ` (did you mean "${c}"?)` : '';
}

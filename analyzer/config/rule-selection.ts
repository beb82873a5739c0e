/**
 * Which rules run, at what severity: the registry's defaults, then the configuration file, then
 * `--enable` / `--disable` on the command line (or the editor's settings).
 */
import type { EnabledRule } from '../engine/lint-package.js';
import type { Rule } from '../engine/rule.js';
import type { Config } from './config.js';
import { closest } from './suggest.js';

export class UnknownRuleError extends Error {
  constructor(
    readonly ruleId: string,
    readonly suggestion: string | undefined,
  ) {
    super(`unknown rule "${ruleId}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    this.name = 'UnknownRuleError';
  }
}

export interface RuleOverrides {
  readonly enable?: readonly string[];
  readonly disable?: readonly string[];
}

/** Checks ids given on the command line; throws UnknownRuleError naming the closest valid id. */
export function checkRuleIds(ids: readonly string[], rules: readonly Rule[]): void {
  const known = rules.map((r) => r.meta.id);
  for (const id of ids) if (!known.includes(id)) throw new UnknownRuleError(id, closest(id, known));
}

export function selectRules(rules: readonly Rule[], config: Config, overrides: RuleOverrides = {}): EnabledRule[] {
  checkRuleIds([...(overrides.enable ?? []), ...(overrides.disable ?? [])], rules);
  const out: EnabledRule[] = [];
  for (const rule of rules) {
    const id = rule.meta.id;
    const setting = config.rules.get(id);
    let on = setting !== 'off';
    if (overrides.enable?.includes(id)) on = true;
    if (overrides.disable?.includes(id)) on = false;
    if (!on) continue;
    const severity = setting === 'error' || setting === 'warning' || setting === 'note' ? setting : undefined;
    out.push({ rule, severity });
  }
  return out;
}

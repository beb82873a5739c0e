/**
 * The registry: every rule gomaplint ships, in documentation order. Adding a rule means adding
 * its module here, its page under docs/rules/ and its folder under testdata/rules/.
 */
import type { Rule } from '../analyzer/engine/rule.js';
import nilAsDelete from './nil-as-delete.js';

export const RULES: readonly Rule[] = [nilAsDelete];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

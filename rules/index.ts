/**
 * The registry: every rule gomaplint ships, in documentation order. Adding a rule means adding
 * its module here, its page under docs/rules/ and its folder under testdata/rules/.
 */
import type { Rule } from '../analyzer/engine/rule.js';
import concurrentDelete from './concurrent-delete.js';
import deleteInRange from './delete-in-range.js';
import insertInRange from './insert-in-range.js';
import loadThenDelete from './load-then-delete.js';
import nilAsDelete from './nil-as-delete.js';
import nilMapWrite from './nil-map-write.js';
import rangeClear from './range-clear.js';
import redundantDeleteGuard from './redundant-delete-guard.js';
import reflectDelete from './reflect-delete.js';

export const RULES: readonly Rule[] = [nilAsDelete, deleteInRange, insertInRange, rangeClear, concurrentDelete, reflectDelete, nilMapWrite, loadThenDelete, redundantDeleteGuard];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

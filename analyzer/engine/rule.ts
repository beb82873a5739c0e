/**
 * The contract between the engine and a rule module.
 *
 * A rule is `meta` (its public identity and documentation) plus `create`, which receives the
 * package model for one file and returns handlers for the candidates it wants to see — the shape
 * of an ESLint rule, with candidates found by the engine instead of a full tree walk.
 */
import type { PackageModel } from '../model/package-model.js';
import type { GoFile } from '../syntax/go-file.js';
import type { Node } from '../syntax/node.js';
import type { DeleteCall, IndexWrite, MethodCall } from './candidates.js';
import type { Severity, TextEdit } from './finding.js';

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

export interface RuleMeta {
  /** Stable kebab-case id: part of the public interface (config, suppressions, SARIF). */
  readonly id: string;
  /** PascalCase name (SARIF `name`). */
  readonly name: string;
  readonly severity: Severity;
  /** Whether the rule offers fixes that `--fix` may apply. */
  readonly fixable: boolean;
  /** One sentence: what is wrong. */
  readonly summary: string;
  /** A short paragraph: what the rule finds and why it matters. */
  readonly description: string;
  readonly tags: readonly string[];
  readonly precision: Precision;
}

export interface ReportFix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
  /** Defaults to true; false keeps the fix out of `--fix` and fix-all (still shown as a suggestion). */
  readonly safe?: boolean;
}

export interface Report {
  /** The node the finding is about (its range is the finding's range). */
  readonly node: Node;
  /** Override the reported range's end (e.g. to underline only a statement's head). */
  readonly endNode?: Node;
  readonly message: string;
  /** Overrides the rule's default severity for this finding (e.g. RLock deletes are errors). */
  readonly severity?: Severity;
  readonly fix?: ReportFix;
  readonly related?: ReadonlyArray<{ readonly node: Node; readonly message: string }>;
}

export interface RuleContext {
  readonly model: PackageModel;
  readonly file: GoFile;
  report(report: Report): void;
}

export interface RuleVisitor {
  /** Each call of the builtin `delete` (not a shadowing function named delete). */
  deleteCall?(call: DeleteCall): void;
  /**
   * Each write through an index expression: `x[k] = v`, `x[k] op= v`, `x[k]++` — in packages
   * where a map type can be known at all (their text spells `map[` or a known map type such as
   * http.Header): elsewhere every such write is to a slice, an array or something unknown.
   */
  indexWrite?(write: IndexWrite): void;
  /** Calls `x.Name(...)` of the listed method names. */
  methodCalls?: Readonly<Record<string, (call: MethodCall) => void>>;
}

export interface Rule {
  readonly meta: RuleMeta;
  create(context: RuleContext): RuleVisitor;
}

/** Identity helper that gives rule modules their types without ceremony. */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * Runs rules over one package: finds the candidates each rule asked for, hands them to the rule,
 * and turns what rules report into findings (suppressions applied, error regions dropped).
 */
import type { PackageModel } from '../model/package-model.js';
import { isBuiltin } from '../model/symbols.js';
import type { GoFile } from '../syntax/go-file.js';
import { unterminatedTail } from '../syntax/source-text.js';
import {
  findDeleteCalls,
  findIndexWrites,
  findMethodCalls,
  hasAnchor,
  type CandidateKind,
  type CandidateSearch,
  type DeleteCall,
  type IndexWrite,
  type MethodCall,
} from './candidates.js';
import type { RawFinding, Severity } from './finding.js';
import type { Report, Rule, RuleVisitor } from './rule.js';
import { fileDirectives, SuppressionIndex } from './suppressions.js';

export interface EnabledRule {
  readonly rule: Rule;
  /** Severity from configuration; undefined keeps the rule's own (per-finding) severity. */
  readonly severity: Severity | undefined;
}

/** A rule that threw: reported as a problem, never a crash. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly path: string;
  readonly offset: number;
  readonly message: string;
  readonly stack: string | undefined;
}

export interface PackageLintResult {
  readonly findings: RawFinding[];
  readonly failures: RuleFailure[];
  /** Findings dropped by suppression comments. */
  readonly suppressed: number;
}

interface Subscriber {
  readonly rule: EnabledRule;
  readonly visitor: RuleVisitor;
  readonly reports: Report[];
}

/**
 * Lints the files of `model` (or only those in `only`: the other files still give the model its
 * facts). `search` is for verifying the anchors: `exhaustive` finds candidates without them.
 */
export function lintPackage(model: PackageModel, rules: readonly EnabledRule[], only?: ReadonlySet<GoFile>, search: CandidateSearch = 'anchored'): PackageLintResult {
  const findings: RawFinding[] = [];
  const failures: RuleFailure[] = [];
  let suppressed = 0;
  for (const file of model.files) {
    if (only && !only.has(file)) continue;
    const result = lintFile(model, file, rules, failures, search);
    if (result.length === 0) continue;
    const suppressions = new SuppressionIndex(fileDirectives(file));
    const seen = new Set<string>();
    for (const f of result) {
      const key = `${f.ruleId}|${f.start}|${f.end}|${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (suppressions.isSuppressed(file.lines.lineOf(f.start), f.ruleId)) {
        suppressed++;
        continue;
      }
      findings.push(f);
    }
  }
  return { findings, failures, suppressed };
}

function lintFile(model: PackageModel, file: GoFile, rules: readonly EnabledRule[], failures: RuleFailure[], search: CandidateSearch): RawFinding[] {
  const subscribers: Subscriber[] = [];
  const kinds = new Set<CandidateKind>();
  const methods = new Set<string>();
  for (const rule of rules) {
    const reports: Report[] = [];
    let visitor: RuleVisitor;
    try {
      visitor = rule.rule.create({ model, file, report: (r) => reports.push(r) });
    } catch (e) {
      failures.push(failure(rule.rule.meta.id, file, 0, e));
      continue;
    }
    if (visitor.deleteCall) kinds.add('deleteCall');
    if (visitor.indexWrite) kinds.add('indexWrite');
    if (visitor.methodCalls) {
      kinds.add('methodCall');
      for (const name of Object.keys(visitor.methodCalls)) methods.add(name);
    }
    subscribers.push({ rule, visitor, reports });
  }
  // Index writes matter only where a map type can be known: a package whose text never spells
  // `map[` nor a known map type (http.Header, ...) has none (the exhaustive search checks this).
  if (search === 'anchored' && kinds.has('indexWrite') && !model.mayHaveMapTypes) kinds.delete('indexWrite');
  if (subscribers.length === 0 || (search === 'anchored' && !hasAnchor(file.text, kinds, methods))) return [];

  const run = (ruleId: string, offset: number, f: () => void): void => {
    try {
      f();
    } catch (e) {
      failures.push(failure(ruleId, file, offset, e));
    }
  };

  if (kinds.has('deleteCall')) {
    const calls = findDeleteCalls(file, search).filter((c) => isBuiltin(model.resolve(c.callee), 'delete'));
    for (const s of subscribers) {
      const h = s.visitor.deleteCall;
      if (h) for (const c of calls) run(s.rule.rule.meta.id, c.node.start, () => h.call(s.visitor, c as DeleteCall));
    }
  }
  if (kinds.has('indexWrite')) {
    const writes = findIndexWrites(file, search);
    for (const s of subscribers) {
      const h = s.visitor.indexWrite;
      if (h) for (const w of writes) run(s.rule.rule.meta.id, w.statement.start, () => h.call(s.visitor, w as IndexWrite));
    }
  }
  if (kinds.has('methodCall')) {
    const calls = findMethodCalls(file, methods, search);
    for (const s of subscribers) {
      const handlers = s.visitor.methodCalls;
      if (!handlers) continue;
      for (const c of calls) {
        const h = handlers[c.name];
        if (h) run(s.rule.rule.meta.id, c.node.start, () => h.call(handlers, c as MethodCall));
      }
    }
  }

  const out: RawFinding[] = [];
  // Past an unclosed `/*` or raw string, Go sees a comment or a string, not code.
  const tail = subscribers.some((s) => s.reports.length > 0) ? (unterminatedTail(file.text) ?? Infinity) : Infinity;
  for (const s of subscribers) {
    const meta = s.rule.rule.meta;
    for (const r of s.reports) {
      // Nothing is reported from inside (or around) a syntax error: the tree there is a guess.
      const end = r.endNode ? r.endNode.end : r.node.end;
      if (r.node.inErrorRegion || end > tail) continue;
      out.push({
        ruleId: meta.id,
        severity: s.rule.severity ?? r.severity ?? meta.severity,
        message: r.message,
        file,
        start: r.node.start,
        end,
        fix: r.fix && meta.fixable ? { description: r.fix.description, edits: r.fix.edits, safe: r.fix.safe ?? true } : undefined,
        related: (r.related ?? []).map((x) => ({ file: model.fileOf(x.node), start: x.node.start, end: x.node.end, message: x.message })),
      });
    }
  }
  return out;
}

function failure(ruleId: string, file: GoFile, offset: number, e: unknown): RuleFailure {
  const err = e instanceof Error ? e : new Error(String(e));
  return { ruleId, path: file.path, offset, message: err.message, stack: err.stack };
}

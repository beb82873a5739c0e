/**
 * Findings as rules produce them (offsets into a file) and as they leave the analyzer (plain data
 * with positions, safe to send between threads and to write as JSON).
 */
import type { GoFile } from '../syntax/go-file.js';
import type { Position } from '../syntax/line-index.js';

export type Severity = 'error' | 'warning' | 'note';

export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };

/** Replace `[start, end)` (UTF-16 offsets into the file's text) with `newText`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface FixProposal {
  /** What the fix does, imperative: "Replace with delete(m, k)". */
  readonly description: string;
  readonly edits: readonly TextEdit[];
  /**
   * Applied by `--fix` and the editor's fix-all. A fix that changes behaviour in a corner case
   * (clear(m) on NaN keys) is offered as a suggestion only.
   */
  readonly safe: boolean;
}

export interface RawRelated {
  readonly file: GoFile;
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/** A finding as a rule reports it, before positions are computed. */
export interface RawFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: GoFile;
  readonly start: number;
  readonly end: number;
  readonly fix: FixProposal | undefined;
  readonly related: readonly RawRelated[];
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface ResolvedEdit extends Range {
  readonly newText: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Absolute path of the file. */
  readonly path: string;
  readonly start: Position;
  readonly end: Position;
  readonly fix?: { readonly description: string; readonly safe: boolean; readonly edits: readonly ResolvedEdit[] };
  readonly related: ReadonlyArray<Range & { readonly path: string; readonly message: string }>;
}

export function resolveFinding(f: RawFinding): Finding {
  const pos = (file: GoFile, o: number): Position => file.position(o);
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    path: f.file.path,
    start: pos(f.file, f.start),
    end: pos(f.file, f.end),
    ...(f.fix
      ? {
          fix: {
            description: f.fix.description,
            safe: f.fix.safe,
            edits: f.fix.edits.map((e) => ({ start: pos(f.file, e.start), end: pos(f.file, e.end), newText: e.newText })),
          },
        }
      : {}),
    related: f.related.map((r) => ({ path: r.file.path, start: pos(r.file, r.start), end: pos(r.file, r.end), message: r.message })),
  };
}

/** Deterministic order: path, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  if (a.start.offset !== b.start.offset) return a.start.offset - b.start.offset;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  if (a.end.offset !== b.end.offset) return a.end.offset - b.end.offset;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

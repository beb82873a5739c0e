/**
 * Applying fixes to a file's text: non-overlapping edits only, and never a fix that leaves the
 * file parsing worse than before (more syntax errors). Shared by `--fix` and the editor's
 * fix-all code action.
 */
import { parseGo } from '../syntax/parser.js';
import type { RawFinding, TextEdit } from './finding.js';

/** Applies edits (sorted, non-overlapping; otherwise throws) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) throw new Error(`overlapping or invalid edit at ${e.start}`);
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

export interface FixOutcome {
  /** The new text (unchanged when nothing applied). */
  readonly text: string;
  /** Findings whose fix was applied. */
  readonly applied: RawFinding[];
  /** Findings with a safe fix that was not applied (overlap, or it broke the syntax). */
  readonly rejected: RawFinding[];
}

/** Number of ERROR/MISSING nodes in a parse of `text`. */
export function syntaxErrorCount(text: string): number {
  const tree = parseGo(text);
  if (!tree.rootNode.hasError) return 0;
  let n = 0;
  const cursor = tree.walk();
  for (;;) {
    if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) n++;
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) return n;
    }
  }
}

/**
 * Applies every safe fix among `findings` (all in the file whose text is `text`). Fixes that
 * overlap an earlier one wait for the next round; a fix that would add a syntax error is dropped.
 */
export function applySafeFixes(text: string, findings: readonly RawFinding[]): FixOutcome {
  const fixable = findings.filter((f) => f.fix?.safe).sort((a, b) => firstEdit(a) - firstEdit(b));
  const chosen: RawFinding[] = [];
  const rejected: RawFinding[] = [];
  const taken: Array<[number, number]> = [];
  for (const f of fixable) {
    const edits = f.fix?.edits ?? [];
    const overlaps = edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end) || taken.some(([s, t]) => e.start === e.end && s <= e.start && e.start <= t));
    if (overlaps) {
      rejected.push(f);
      continue;
    }
    chosen.push(f);
    for (const e of edits) taken.push([e.start, e.end]);
  }
  if (chosen.length === 0) return { text, applied: [], rejected };
  const before = syntaxErrorCount(text);
  const all = chosen.flatMap((f) => f.fix?.edits ?? []);
  const candidate = applyEdits(text, all);
  if (syntaxErrorCount(candidate) <= before) return { text: candidate, applied: chosen, rejected };
  // Something broke the syntax: keep the fixes that do not, one at a time.
  let current = text;
  let offsetShift: Array<[number, number]> = [];
  const applied: RawFinding[] = [];
  for (const f of chosen) {
    const edits = (f.fix?.edits ?? []).map((e) => ({ ...e, start: shift(e.start, offsetShift), end: shift(e.end, offsetShift) }));
    const next = applyEdits(current, edits);
    if (syntaxErrorCount(next) <= before) {
      current = next;
      applied.push(f);
      offsetShift = [...offsetShift, ...(f.fix?.edits ?? []).map((e): [number, number] => [e.end, e.newText.length - (e.end - e.start)])];
    } else rejected.push(f);
  }
  return { text: current, applied, rejected };
}

function firstEdit(f: RawFinding): number {
  return Math.min(...(f.fix?.edits ?? []).map((e) => e.start));
}

/** Maps an offset of the original text through earlier applied edits ([end, delta] pairs). */
function shift(offset: number, shifts: ReadonlyArray<[number, number]>): number {
  let o = offset;
  for (const [end, delta] of shifts) if (offset >= end) o += delta;
  return o;
}

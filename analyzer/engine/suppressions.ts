/**
 * In-source suppression comments.
 *
 * - `//nolint:gomaplint` and `//nolint:gomaplint/<rule-id>` (golangci-lint's convention; several
 *   linters separated by commas). A bare `//nolint` or `//nolint:all` suppresses every linter,
 *   gomaplint included, as in golangci-lint. `//nolint:errcheck` does not suppress gomaplint.
 * - `//gomaplint:ignore <rule-id>[,<rule-id>...] [-- reason]`.
 *
 * A directive applies to findings that start on its own line, or — when the comment stands on a
 * line by itself — on the line below it.
 */
import type { GoFile } from '../syntax/go-file.js';

export interface Directive {
  /** 0-based line the comment is on. */
  readonly line: number;
  /** Rule ids suppressed, or 'all'. */
  readonly rules: ReadonlySet<string> | 'all';
  /** The comment is the only thing on its line (so it also covers the next line). */
  readonly standalone: boolean;
}

const DIRECTIVE = /\/\/[ \t]*(nolint\b[^\n\r]*|gomaplint:ignore\b[^\n\r]*)/g;

export function parseDirectiveText(body: string): ReadonlySet<string> | 'all' | undefined {
  if (body.startsWith('gomaplint:ignore')) {
    const rest = body.slice('gomaplint:ignore'.length).split('--')[0] ?? '';
    const ids = rest.split(/[\s,]+/).filter(Boolean);
    return ids.length === 0 ? 'all' : new Set(ids);
  }
  // nolint[:a,b,c] [// reason]
  const m = /^nolint(?::(\S*))?/.exec(body);
  if (!m) return undefined;
  const list = (m[1] ?? '').split('//')[0] ?? '';
  if (!list) return 'all';
  const linters = list.split(',').filter(Boolean);
  const rules = new Set<string>();
  for (const l of linters) {
    if (l === 'all' || l === 'gomaplint') return 'all';
    if (l.startsWith('gomaplint/')) rules.add(l.slice('gomaplint/'.length));
  }
  return rules.size > 0 ? rules : undefined;
}

/** Directives of a file. Only called for files that have findings. */
export function fileDirectives(file: GoFile): Directive[] {
  const out: Directive[] = [];
  const text = file.text;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const rules = parseDirectiveText(m[1] as string);
    if (!rules) continue;
    // Must really be a comment (not text inside a string literal).
    const ts = file.tree.rootNode.descendantForIndex(m.index);
    if (ts.type !== 'comment' || ts.startIndex !== m.index) continue;
    const line = file.lines.lineOf(m.index);
    const before = text.slice(file.lines.lineStart(line), m.index);
    out.push({ line, rules, standalone: before.trim() === '' });
  }
  return out;
}

export class SuppressionIndex {
  private readonly byLine = new Map<number, Directive[]>();

  constructor(directives: readonly Directive[]) {
    for (const d of directives) {
      this.add(d.line, d);
      if (d.standalone) this.add(d.line + 1, d);
    }
  }

  isSuppressed(line0: number, ruleId: string): boolean {
    for (const d of this.byLine.get(line0) ?? []) {
      if (d.rules === 'all' || d.rules.has(ruleId)) return true;
    }
    return false;
  }

  private add(line: number, d: Directive): void {
    const list = this.byLine.get(line);
    if (list) list.push(d);
    else this.byLine.set(line, [d]);
  }
}

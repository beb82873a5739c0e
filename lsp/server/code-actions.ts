/**
 * Code actions for the findings of one document:
 * - the rule's fix (`quickfix`; `isPreferred` when the fix is safe, so "fix on save"-style
 *   auto-fixers may pick it),
 * - "Ignore <rule> on this line": a `//gomaplint:ignore <rule> -- ` comment on the line above
 *   (a standalone directive covers the line below it, see analyzer/engine/suppressions.ts), or
 *   the rule added to such a comment that is already there,
 * - `source.fixAll.gomaplint`: every safe fix of the file, in rounds until nothing more applies
 *   (fixes that overlap one applied in a round get their turn in the next).
 */
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { applySafeFixes } from '../../analyzer/engine/fixes.js';
import type { RawFinding, TextEdit } from '../../analyzer/engine/finding.js';
import type { GoFile } from '../../analyzer/syntax/go-file.js';
import type { TsNode } from '../../analyzer/syntax/parser.js';
import { FIX_ALL_KIND } from './capabilities.js';
import { rangeIn, type FileView } from './diagnostics.js';
import type { PositionEncoding } from './positions.js';

export interface CodeActionRequest {
  readonly uri: string;
  readonly version: number;
  readonly file: GoFile;
  readonly view: FileView;
  /** Findings of the file at `version`. */
  readonly findings: readonly RawFinding[];
  /** Requested range, as offsets into the file's text. */
  readonly start: number;
  readonly end: number;
  /** `context.only`: kinds wanted (undefined: all). */
  readonly only: readonly string[] | undefined;
  readonly encoding: PositionEncoding;
  readonly documentChanges: boolean;
  readonly diagnostic: (f: RawFinding) => Diagnostic;
  /** Findings of the document if its text were `text` (fix-all rounds). */
  readonly findingsWithText: (text: string) => RawFinding[];
}

const MAX_FIX_ALL_ROUNDS = 5;

export function codeActions(req: CodeActionRequest): CodeAction[] {
  const actions: CodeAction[] = [];
  if (wants(req.only, CodeActionKind.QuickFix)) {
    const ignores: CodeAction[] = [];
    for (const f of req.findings) {
      if (f.start > req.end || f.end < req.start) continue;
      const diagnostic = req.diagnostic(f);
      if (f.fix) {
        actions.push({
          title: f.fix.safe ? f.fix.description : `${f.fix.description} (review: may change behaviour)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: f.fix.safe,
          edit: workspaceEdit(req, f.fix.edits),
        });
      }
      const ignore = ignoreEdit(req.file, f);
      if (ignore) {
        ignores.push({
          title: `Ignore ${f.ruleId} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(req, [ignore]),
        });
      }
    }
    actions.push(...ignores);
  }
  if (wants(req.only, FIX_ALL_KIND) && req.findings.some((f) => f.fix?.safe)) {
    const edit = fixAllEdit(req.file, req.findings, req.findingsWithText);
    if (edit) actions.push({ title: 'Apply all safe gomaplint fixes', kind: FIX_ALL_KIND, edit: workspaceEdit(req, [edit]) });
  }
  return actions;
}

/** Whether an action of `kind` was asked for: `only` lists kinds or their parents (`source`). */
export function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (only === undefined || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function workspaceEdit(req: CodeActionRequest, edits: readonly TextEdit[]): WorkspaceEdit {
  const lsp: LspTextEdit[] = [...edits]
    .sort((a, b) => a.start - b.start)
    .map((e) => ({ range: rangeIn(req.view, e.start, e.end, req.encoding), newText: e.newText }));
  if (req.documentChanges) return { documentChanges: [TextDocumentEdit.create({ uri: req.uri, version: req.version }, lsp)] };
  return { changes: { [req.uri]: lsp } };
}

const DIRECTIVE_LINE = /^([ \t]*\/\/[ \t]*gomaplint:ignore)\b(.*)$/;

/**
 * The edit that suppresses `f`: extends a standalone `//gomaplint:ignore` directive on the line
 * above, or inserts one there (indented like the finding's line). Undefined when the line starts
 * inside a multi-line string or comment, where a comment line cannot go.
 */
export function ignoreEdit(file: GoFile, f: RawFinding): TextEdit | undefined {
  const lines = file.lines;
  const line0 = lines.lineOf(f.start);
  const lineStart = lines.lineStart(line0);
  if (insideLiteral(file, lineStart)) return undefined;
  if (line0 > 0) {
    const prevStart = lines.lineStart(line0 - 1);
    const m = DIRECTIVE_LINE.exec(lines.lineText(line0 - 1));
    if (m && isCommentAt(file, prevStart + (m[1] as string).indexOf('//'))) {
      const head = m[1] as string;
      const ids = (m[2] as string).split('--')[0] as string;
      if (ids.trim() !== '') {
        const at = prevStart + head.length + ids.trimEnd().length;
        return { start: at, end: at, newText: `,${f.ruleId}` };
      }
    }
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line0))?.[0] ?? '';
  const eol = file.text.slice(lines.lineEnd(line0), lines.lineEnd(line0) + 2).startsWith('\r\n') ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, newText: `${indent}//gomaplint:ignore ${f.ruleId} -- ${eol}` };
}

/** `offset` lies strictly inside a string literal or comment (which may span lines). */
function insideLiteral(file: GoFile, offset: number): boolean {
  for (let n: TsNode | null = file.tree.rootNode.descendantForIndex(offset); n; n = n.parent) {
    if (/string|comment|rune/.test(n.type) && n.startIndex < offset && offset < n.endIndex) return true;
    if (n.type === 'block' || n.type === 'source_file') return false;
  }
  return false;
}

function isCommentAt(file: GoFile, offset: number): boolean {
  const n = file.tree.rootNode.descendantForIndex(offset);
  return n.type === 'comment' && n.startIndex === offset;
}

/** One edit taking the file's text to the text with all safe fixes applied; undefined if none apply. */
export function fixAllEdit(file: GoFile, findings: readonly RawFinding[], findingsWithText: (text: string) => RawFinding[]): TextEdit | undefined {
  let text = file.text;
  let current = findings;
  for (let round = 1; round <= MAX_FIX_ALL_ROUNDS; round++) {
    const outcome = applySafeFixes(text, current);
    if (outcome.applied.length === 0) break;
    text = outcome.text;
    if (outcome.rejected.length === 0 || round === MAX_FIX_ALL_ROUNDS) break;
    current = findingsWithText(text);
  }
  return text === file.text ? undefined : minimalEdit(file.text, text);
}

/**
 * The single replacement turning `a` into `b` (common prefix and suffix left alone), never
 * splitting a surrogate pair or a `\r\n`, so that its range converts to any position encoding.
 */
export function minimalEdit(a: string, b: string): TextEdit {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && p < a.length && isSplitPoint(a, p)) p--;
  let s = 0;
  while (s < max - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isSplitPoint(a, a.length - s)) s--;
  return { start: p, end: a.length - s, newText: b.slice(p, b.length - s) };
}

/** Cutting `text` at `i` would split a surrogate pair or a CRLF. */
function isSplitPoint(text: string, i: number): boolean {
  const before = text.charCodeAt(i - 1);
  const at = text.charCodeAt(i);
  return (before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff) || (before === 13 && at === 10);
}

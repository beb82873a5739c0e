/**
 * Where rules look. Each kind of candidate (a `delete` call, a write through an index expression,
 * a call of a named method) is found from a lexical anchor in the source text — a regular
 * expression that every such construct must match — and then checked against the syntax tree.
 *
 * This is what keeps a full run close to the cost of parsing: the text search is nearly free,
 * only anchored places are looked at, and a file without anchors has nothing to look at. It is
 * sound by construction: every candidate of a kind contains its anchor, so a file or package
 * with no anchor matches cannot produce a finding (tested on the testdata and the Go standard
 * library in `candidates.test.ts`).
 */
import type { GoFile } from '../syntax/go-file.js';
import type { Node } from '../syntax/node.js';
import type { TsNode } from '../syntax/parser.js';

export interface DeleteCall {
  /** The call_expression `delete(m, k)`. */
  readonly node: Node;
  /** The identifier `delete` (resolution to the builtin is checked by the engine). */
  readonly callee: Node;
  readonly map: Node;
  readonly key: Node;
}

export type WriteOp = '=' | 'op=' | '++' | '--';

export interface IndexWrite {
  /** The assignment_statement / inc_statement / dec_statement. */
  readonly statement: Node;
  /** The index_expression written to. */
  readonly target: Node;
  /** The indexed expression (the map, if it is one). */
  readonly map: Node;
  readonly key: Node;
  readonly op: WriteOp;
  /** The operator as written (`=`, `+=`, `++`, ...). */
  readonly operator: string;
  /** The right-hand side assigned to this target, when the assignment pairs them one to one. */
  readonly value: Node | undefined;
}

export interface MethodCall {
  /** The call_expression `x.Name(args)`. */
  readonly node: Node;
  /** The selector_expression `x.Name`. */
  readonly selector: Node;
  readonly receiver: Node;
  readonly name: string;
  readonly args: readonly Node[];
}

export type CandidateKind = 'deleteCall' | 'indexWrite' | 'methodCall';

/**
 * How candidates are located: `anchored` (the default) searches the text for anchors and checks
 * the hits on the tree; `exhaustive` walks the whole native tree and ignores the text. Both feed
 * the same structural checks, so they agree exactly when no anchor is ever missing — which is what
 * `candidates.test.ts` verifies with the exhaustive search.
 */
export type CandidateSearch = 'anchored' | 'exhaustive';

const DELETE_ANCHOR = /\bdelete\b/g;
/** What follows the `]` of an index write: an assignment operator, `++`/`--`, or `,`. */
const AFTER_INDEX_WRITE = /(?:<<|>>|&\^|[-+*/%&|^])?=(?!=)|\+\+|--|,/y;

/**
 * Offsets of the index-write anchors: a `]` followed by an assignment operator, `++`/`--`, or `,`
 * (a tuple assignment's left side); white space and block comments may sit in between. A line
 * comment cannot: the line would end the statement.
 *
 * A scanner rather than a regular expression: `\](\s|\/\*[\s\S]*?\*\/)*…` backtracks to the end of
 * the text from every `] /*` whose comment is not closed, which made a 1 MB file of them take
 * seconds and a 20 MB one hours. Here the search for the next `*\/` is shared by all of them.
 */
export function* indexWriteAnchors(text: string): Generator<number> {
  let closeFrom = 0;
  let closeAt = -2; // the first `*/` at or after closeFrom (-1: none); -2: not searched yet
  for (let i = text.indexOf(']'); i >= 0; i = text.indexOf(']', i + 1)) {
    let j = i + 1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (isJsSpace(c)) {
        j++;
        continue;
      }
      if (c === 47 && text.charCodeAt(j + 1) === 42) {
        const from = j + 2;
        if (closeAt === -2 || from < closeFrom || (closeAt >= 0 && from > closeAt)) {
          closeFrom = from;
          closeAt = text.indexOf('*/', from);
        }
        if (closeAt < 0) break;
        j = closeAt + 2;
        continue;
      }
      break;
    }
    AFTER_INDEX_WRITE.lastIndex = j;
    if (AFTER_INDEX_WRITE.test(text)) yield i;
  }
}

/** What `\s` matches in a JavaScript regular expression (a superset of Go's white space). */
function isJsSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Quick test: can this text contain a candidate of the given kinds at all? */
export function hasAnchor(text: string, kinds: ReadonlySet<CandidateKind>, methods: ReadonlySet<string>): boolean {
  if (kinds.has('deleteCall') && testAnchor(DELETE_ANCHOR, text)) return true;
  if (kinds.has('indexWrite') && !indexWriteAnchors(text).next().done) return true;
  if (kinds.has('methodCall')) for (const m of methods) if (text.includes(m)) return true;
  return false;
}

function testAnchor(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const r = re.test(text);
  re.lastIndex = 0;
  return r;
}

/** The native node at an offset, for cheap structural checks before anything is mirrored. */
function nativeAt(file: GoFile, offset: number): TsNode {
  return file.tree.rootNode.descendantForIndex(offset);
}

/** Start offsets of the matches of a global regular expression. */
function* anchorOffsets(re: RegExp, text: string): Generator<number> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield m.index;
  re.lastIndex = 0;
}

/**
 * The offsets an anchor would report, found in the tree instead: where each call's callee name
 * starts (in text order, as anchors come).
 */
function callOffsetsInTree(file: GoFile, calleeType: 'identifier' | 'selector_expression', names: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (const call of file.tree.rootNode.descendantsOfType('call_expression')) {
    const fn = call.childForFieldName('function');
    if (fn?.type !== calleeType) continue;
    const name = calleeType === 'identifier' ? fn : fn.childForFieldName('field');
    if (name && names.has(name.text)) out.push(name.startIndex);
  }
  return out.sort((a, b) => a - b);
}

const DELETE_NAME: ReadonlySet<string> = new Set(['delete']);

export function findDeleteCalls(file: GoFile, search: CandidateSearch = 'anchored'): DeleteCall[] {
  const out: DeleteCall[] = [];
  const offsets = search === 'anchored' ? anchorOffsets(DELETE_ANCHOR, file.text) : callOffsetsInTree(file, 'identifier', DELETE_NAME);
  for (const at of offsets) {
    const ts = nativeAt(file, at);
    if (ts.type !== 'identifier' || ts.startIndex !== at || ts.endIndex !== at + 6) continue;
    const node = file.nodeAt(at);
    if (node.type !== 'identifier' || node.field !== 'function') continue;
    const call = node.parent;
    if (call?.type !== 'call_expression') continue;
    const args = call.child('arguments')?.namedChildren ?? [];
    if (args.length !== 2) continue;
    out.push({ node: call, callee: node, map: args[0] as Node, key: args[1] as Node });
  }
  return out;
}

/** Where the `]` of every index expression is (in text order): what the index-write anchor reports. */
function indexCloseOffsetsInTree(file: GoFile): number[] {
  const out: number[] = [];
  for (const ix of file.tree.rootNode.descendantsOfType('index_expression')) {
    const close = ix.lastChild;
    if (close?.type === ']') out.push(close.startIndex);
  }
  return out.sort((a, b) => a - b);
}

export function findIndexWrites(file: GoFile, search: CandidateSearch = 'anchored'): IndexWrite[] {
  const out: IndexWrite[] = [];
  const offsets = search === 'anchored' ? indexWriteAnchors(file.text) : indexCloseOffsetsInTree(file);
  for (const at of offsets) {
    // Cheap native check first: only `]` tokens closing an index expression on the left of an
    // assignment are worth mirroring their function for.
    const ts = nativeAt(file, at);
    if (ts.type !== ']') continue;
    const ix = ts.parent;
    if (ix?.type !== 'index_expression') continue;
    const up = ix.parent;
    if (!up || (up.type !== 'expression_list' && up.type !== 'inc_statement' && up.type !== 'dec_statement')) continue;
    const target = file.nodeAt(ix.startIndex, ix.endIndex);
    if (target.type !== 'index_expression') continue;
    const write = indexWriteOf(target);
    if (write) out.push(write);
  }
  return out;
}

function indexWriteOf(target: Node): IndexWrite | undefined {
  const map = target.child('operand');
  const key = target.child('index');
  if (!map || !key) return undefined;
  const parent = target.parent;
  if (!parent) return undefined;
  if (parent.type === 'inc_statement' || parent.type === 'dec_statement') {
    const op = parent.type === 'inc_statement' ? '++' : '--';
    return { statement: parent, target, map, key, op, operator: op, value: undefined };
  }
  if (parent.type !== 'expression_list' || parent.field !== 'left') return undefined;
  const stmt = parent.parent;
  if (stmt?.type !== 'assignment_statement') return undefined;
  const operator = stmt.child('operator')?.type ?? '=';
  const lefts = parent.namedChildren;
  const rights = stmt.child('right')?.namedChildren ?? [];
  const i = lefts.indexOf(target);
  const value = lefts.length === rights.length ? rights[i] : undefined;
  return { statement: stmt, target, map, key, op: operator === '=' ? '=' : 'op=', operator, value };
}

export function findMethodCalls(file: GoFile, names: ReadonlySet<string>, search: CandidateSearch = 'anchored'): MethodCall[] {
  const out: MethodCall[] = [];
  if (names.size === 0) return out;
  const offsets =
    search === 'anchored'
      ? anchorOffsets(new RegExp(`\\b(?:${[...names].map(escapeRegExp).join('|')})\\b`, 'g'), file.text)
      : callOffsetsInTree(file, 'selector_expression', names);
  for (const at of offsets) {
    const ts = nativeAt(file, at);
    if (ts.type !== 'field_identifier' || ts.startIndex !== at) continue;
    const node = file.nodeAt(at);
    const sel = node.parent;
    if (node.type !== 'field_identifier' || sel?.type !== 'selector_expression' || sel.field !== 'function') continue;
    const call = sel.parent;
    const receiver = sel.child('operand');
    if (call?.type !== 'call_expression' || !receiver) continue;
    out.push({ node: call, selector: sel, receiver, name: node.text, args: call.child('arguments')?.namedChildren ?? [] });
  }
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The semantic model of one Go package: what rules query instead of walking syntax themselves.
 *
 * Everything is computed on demand and memoized: a package whose files contain nothing a rule
 * looks at costs almost nothing beyond parsing.
 */
import type { GoFile } from '../syntax/go-file.js';
import type { Node } from '../syntax/node.js';
import { LATEST_GO, atLeast, type GoVersion } from './go-version.js';
import { PackageIndex } from './package-index.js';
import { Scopes, enclosingFunction } from './scopes.js';
import type { GoSymbol } from './symbols.js';
import { Typing, stripParens, type FieldSelection, type MethodSelection } from './typing.js';
import { asMap, isNamed, type MapType, type Type } from './types.js';
import { KNOWN_MAP_TYPE_NAMES } from './well-known.js';

export interface RangeLoop {
  /** The for_statement. */
  readonly node: Node;
  readonly clause: Node;
  /** The expression after `range`, as written. */
  readonly rangeExpr: Node;
  /**
   * The map actually iterated: the range expression, or `m` of `maps.Keys(m)` / `maps.Values(m)` /
   * `maps.All(m)` (standard-library iterators that read the map lazily).
   */
  readonly iterated: Node;
  readonly keyVar: GoSymbol | undefined;
  readonly valueVar: GoSymbol | undefined;
  readonly body: Node | undefined;
}

export class PackageModel {
  private indexCache: PackageIndex | undefined;
  private scopesCache: Scopes | undefined;
  private typingCache: Typing | undefined;
  private readonly refKeys = new Map<Node, string | null>();
  private readonly referenceCache = new Map<GoSymbol, Node[]>();
  private readonly identifierCache = new Map<string, Node[]>();
  private mapTypesCache: boolean | undefined;
  private readonly textCache = new Map<string, boolean>();
  private packageSearches = 0;
  private wordIndex: Map<string, Array<[GoFile, number]>> | undefined;
  private readonly symbolIds = new Map<GoSymbol, number>();

  constructor(
    readonly files: readonly GoFile[],
    /** The language version from the nearest go.mod's `go` directive. */
    readonly goVersion: GoVersion = LATEST_GO,
    /** Directory of the package (for messages). */
    readonly dir = '',
  ) {}

  get index(): PackageIndex {
    return (this.indexCache ??= new PackageIndex(this.files));
  }

  get scopes(): Scopes {
    return (this.scopesCache ??= new Scopes(this.index, fileOf));
  }

  get typing(): Typing {
    return (this.typingCache ??= new Typing(this.scopes, this.index));
  }

  /** The package name (from the package clause). */
  get name(): string {
    return this.files[0]?.packageName ?? '';
  }

  /**
   * Whether any map type can be known in this package: some file spells `map[`, or names a
   * well-known map type (http.Header, url.Values, textproto.MIMEHeader).
   */
  get mayHaveMapTypes(): boolean {
    return (this.mapTypesCache ??= this.files.some((f) => f.text.includes('map[') || KNOWN_MAP_TYPE_NAMES.some((n) => new RegExp(`\\b${n}\\b`).test(f.text))));
  }

  /**
   * Whether some file of the package contains `needle` anywhere in its text (comments and
   * strings included): a cheap, sound precondition for analyses that need a construct spelling it.
   */
  textIncludes(needle: string): boolean {
    let r = this.textCache.get(needle);
    if (r === undefined) this.textCache.set(needle, (r = this.files.some((f) => f.text.includes(needle))));
    return r;
  }

  goAtLeast(version: string): boolean {
    return atLeast(this.goVersion, version);
  }

  fileOf(n: Node): GoFile {
    return fileOf(n);
  }

  resolve(ident: Node): GoSymbol | undefined {
    return this.scopes.resolve(ident);
  }

  typeOf(expr: Node): Type {
    return this.typing.typeOf(expr);
  }

  /** The map type of an expression, if it is known to be a map. */
  mapTypeOf(expr: Node): MapType | undefined {
    return asMap(this.typeOf(expr));
  }

  fieldOf(t: Type, name: string): FieldSelection | undefined {
    return this.typing.fieldOf(t, name);
  }

  methodOf(t: Type, name: string): MethodSelection | undefined {
    return this.typing.methodOf(t, name);
  }

  /**
   * `t` is the named type `pkg.name` — also when the package being analysed is that package
   * itself (inside net/http, `Header` is declared locally).
   */
  isKnownType(t: Type, pkg: string, name: string): boolean {
    if (isNamed(t, pkg, name)) return true;
    return t.kind === 'named' && t.pkg === '' && t.name === name && this.name === pkg.slice(pkg.lastIndexOf('/') + 1);
  }

  /** The symbol an expression names directly (an identifier, through parentheses). */
  symbolOf(expr: Node): GoSymbol | undefined {
    const e = stripParens(expr);
    return e.type === 'identifier' ? this.resolve(e) : undefined;
  }

  /**
   * A canonical key for a side-effect-free access path — a variable, a field path (`s.conns`,
   * `(*p).m`), an index by such a path or a constant — or undefined for anything whose evaluation
   * may differ between two occurrences (calls, receives). Equal keys mean "the same location".
   */
  refKey(expr: Node): string | undefined {
    const cached = this.refKeys.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    const key = this.computeRefKey(expr, 0);
    this.refKeys.set(expr, key ?? null);
    return key;
  }

  /** Both expressions denote the same location (same variable or same field path). */
  sameRef(a: Node, b: Node): boolean {
    const ka = this.refKey(a);
    return ka !== undefined && ka === this.refKey(b);
  }

  /**
   * Every identifier referring to `sym` (its declaring identifier included), found by searching
   * the text of its scope for the name and resolving the hits.
   */
  references(sym: GoSymbol): Node[] {
    const cached = this.referenceCache.get(sym);
    if (cached) return cached;
    const scope = sym.owner ?? (sym.decl && !enclosingFunction(sym.decl) ? undefined : (sym.decl?.parent ?? undefined));
    const out = this.identifiers(sym.name, scope).filter((n) => (n.type === 'identifier' || n.type === 'type_identifier') && this.resolve(n) === sym);
    this.referenceCache.set(sym, out);
    return out;
  }

  /**
   * Identifier-like nodes (identifiers, field, type and package identifiers) spelled `word`, in
   * all files of the package or within `scope`: found by searching the text, so only the places
   * that mention the word are ever mirrored. Package-wide results are cached.
   */
  identifiers(word: string, scope?: Node): Node[] {
    if (!scope) {
      const cached = this.identifierCache.get(word);
      if (cached) return cached;
    }
    const out: Node[] = [];
    const visit = (file: GoFile, at: number) => {
      // A cheap native look first: occurrences in comments and strings are never mirrored.
      if (!IDENTIFIER_TYPES.has(file.tree.rootNode.descendantForIndex(at).type)) return;
      const n = file.nodeAt(at, at + word.length);
      if (IDENTIFIER_TYPES.has(n.type) && n.start === at && n.end === at + word.length) out.push(n);
    };
    if (scope) {
      // Within one function, occurrences come in text order: each is found from the previous one
      // (nearestAt) instead of from the root, so deeply nested code stays linear.
      const file = fileOf(scope);
      let near: Node = scope;
      for (const at of wordOccurrences(file.text, word, scope.start, scope.end)) {
        const n = near.nearestAt(at, at + word.length);
        near = n;
        if (IDENTIFIER_TYPES.has(n.type) && n.start === at && n.end === at + word.length) out.push(n);
      }
      return out;
    }
    // A few searches scan the texts directly; a package that asks for many words gets an index.
    if (++this.packageSearches <= DIRECT_SEARCHES) {
      for (const file of this.files) {
        for (const at of wordOccurrences(file.text, word, 0, file.text.length)) visit(file, at);
      }
    } else {
      for (const [file, at] of this.words().get(word) ?? []) visit(file, at);
    }
    this.identifierCache.set(word, out);
    return out;
  }

  /** Every identifier-shaped word of the package's files, with where it occurs (built once). */
  private words(): Map<string, Array<[GoFile, number]>> {
    if (!this.wordIndex) {
      const index = new Map<string, Array<[GoFile, number]>>();
      const re = /[\p{L}_][\p{L}\p{Nd}_]*/gu;
      for (const file of this.files) {
        re.lastIndex = 0;
        for (let m = re.exec(file.text); m; m = re.exec(file.text)) {
          const list = index.get(m[0]);
          if (list) list.push([file, m.index]);
          else index.set(m[0], [[file, m.index]]);
        }
      }
      this.wordIndex = index;
    }
    return this.wordIndex;
  }

  /** Whether a variable is written anywhere after its declaration (assigned, ++/--, address taken). */
  isReassigned(sym: GoSymbol): boolean {
    return this.references(sym).some((r) => r !== sym.ident && writeKind(r) !== undefined);
  }

  /**
   * Where a value lives, across functions: a package-level variable (`var:name`), a field of a
   * named struct type of this package (`field:T.f`, whichever variable holds the struct), or,
   * for locals, the variable itself. Undefined when it cannot be told.
   */
  storageKey(expr: Node): string | undefined {
    const e = stripParens(expr);
    if (e.type === 'identifier') {
      const s = this.resolve(e);
      if (!s || s.kind !== 'var') return undefined;
      if (s.role === 'package') return `var:${s.name}`;
      return this.refKey(e);
    }
    if (e.type === 'selector_expression') {
      const operand = e.child('operand');
      const field = e.child('field')?.text;
      if (!operand || !field) return undefined;
      const sel = this.fieldOf(this.typeOf(operand), field);
      if (!sel) return this.refKey(e);
      const owner = sel.owner;
      if (owner && owner.pkg === '') return `field:${owner.name}.${field}`;
      return this.refKey(e);
    }
    return this.refKey(e);
  }

  /** Calls `x.Name(...)` anywhere in the package (text-anchored), for the given method names. */
  methodCallsNamed(names: readonly string[]): Node[] {
    const out: Node[] = [];
    for (const name of names) {
      for (const n of this.identifiers(name)) {
        const sel = n.parent;
        if (n.type === 'field_identifier' && sel?.type === 'selector_expression' && sel.field === 'function' && sel.parent?.type === 'call_expression') out.push(sel.parent);
      }
    }
    return out;
  }

  /** The range loops (innermost first) enclosing `n` within its function. */
  enclosingRanges(n: Node): RangeLoop[] {
    const out: RangeLoop[] = [];
    for (let p = n.parent; p; p = p.parent) {
      if (p.type === 'func_literal' || p.type === 'function_declaration' || p.type === 'method_declaration') break;
      if (p.type !== 'for_statement') continue;
      const loop = this.rangeLoop(p);
      if (loop && loop.body && loop.body.contains(n)) out.push(loop);
    }
    return out;
  }

  /** Describes a `for ... range` statement (undefined for other for statements). */
  rangeLoop(forStmt: Node): RangeLoop | undefined {
    const clause = forStmt.namedChildren.find((c) => c.type === 'range_clause');
    const rangeExpr = clause?.child('right');
    if (!clause || !rangeExpr) return undefined;
    const left = clause.child('left')?.namedChildren ?? [];
    const varOf = (i: number): GoSymbol | undefined => {
      const id = left[i];
      return id && id.type === 'identifier' && id.text !== '_' ? this.resolve(id) : undefined;
    };
    return {
      node: forStmt,
      clause,
      rangeExpr,
      iterated: this.iteratedMap(rangeExpr),
      keyVar: varOf(0),
      valueVar: varOf(1),
      body: forStmt.child('body'),
    };
  }

  /** `maps.Keys(m)` & co. iterate `m` lazily: deleting from `m` meanwhile is deleting during range. */
  private iteratedMap(rangeExpr: Node): Node {
    const e = stripParens(rangeExpr);
    if (e.type !== 'call_expression') return e;
    const fn = e.child('function');
    const args = e.child('arguments')?.namedChildren ?? [];
    if (fn?.type !== 'selector_expression' || args.length !== 1) return e;
    const pkg = fn.child('operand');
    const name = fn.child('field')?.text ?? '';
    if (pkg?.type !== 'identifier' || !['Keys', 'Values', 'All'].includes(name)) return e;
    const sym = this.resolve(pkg);
    if (sym?.kind !== 'import' || sym.importPath !== 'maps') return e;
    return args[0] as Node;
  }

  /** The function (declaration or literal) containing `n`. */
  enclosingFunction(n: Node): Node | undefined {
    return enclosingFunction(n);
  }

  private symbolId(s: GoSymbol): number {
    let id = this.symbolIds.get(s);
    if (id === undefined) this.symbolIds.set(s, (id = this.symbolIds.size + 1));
    return id;
  }

  private computeRefKey(expr: Node, depth: number): string | undefined {
    if (depth > 32) return undefined;
    const e = stripParens(expr);
    switch (e.type) {
      case 'identifier': {
        const s = this.resolve(e);
        if (!s) return undefined;
        if (s.kind === 'import' || s.kind === 'builtin' || s.kind === 'type') return undefined;
        if (s.kind === 'const' && !s.decl) return `const:${s.name}`;
        return `v${this.symbolId(s)}`;
      }
      case 'selector_expression': {
        const operand = e.child('operand');
        const field = e.child('field')?.text;
        if (!operand || !field) return undefined;
        if (operand.type === 'identifier') {
          const s = this.resolve(operand);
          if (s?.kind === 'import') return `pkg:${s.importPath}.${field}`;
        }
        const base = this.computeRefKey(operand, depth + 1);
        return base === undefined ? undefined : `${base}.${field}`;
      }
      case 'unary_expression': {
        const op = e.child('operator')?.type;
        const operand = e.child('operand');
        if (op !== '*' || !operand) return undefined;
        // (*p).f and p.f are the same location; so are *p and p for our purposes.
        return this.computeRefKey(operand, depth + 1);
      }
      case 'index_expression': {
        const operand = e.child('operand');
        const index = e.child('index');
        if (!operand || !index) return undefined;
        const a = this.computeRefKey(operand, depth + 1);
        const b = this.computeRefKey(index, depth + 1);
        return a === undefined || b === undefined ? undefined : `${a}[${b}]`;
      }
      case 'int_literal':
      case 'float_literal':
      case 'rune_literal':
      case 'interpreted_string_literal':
      case 'raw_string_literal':
      case 'true':
      case 'false':
      case 'nil':
        return `lit:${literalValue(e)}`;
      default:
        return undefined;
    }
  }
}

/**
 * How an identifier reference writes its variable: `assign` (left of `=`, `op=`, `:=` redeclaring,
 * `++`/`--`, range with `=`), `address` (`&x`, which lets anything write it later), or undefined
 * for a plain read.
 */
export function writeKind(ident: Node): 'assign' | 'address' | undefined {
  const p = ident.parent;
  if (!p) return undefined;
  if (p.type === 'expression_list' && p.field === 'left') {
    const stmt = p.parent;
    if (stmt?.type === 'assignment_statement' || stmt?.type === 'short_var_declaration') return 'assign';
    if (stmt?.type === 'range_clause' || stmt?.type === 'receive_statement') return 'assign';
  }
  if (p.type === 'inc_statement' || p.type === 'dec_statement') return 'assign';
  if (p.type === 'unary_expression' && p.child('operator')?.type === '&') return 'address';
  if (p.type === 'parenthesized_expression') return writeKind(p);
  return undefined;
}

/** Package-wide word searches done by scanning the texts before an index is built. */
const DIRECT_SEARCHES = 24;

/**
 * Offsets in `[from, to)` where `word` occurs as a whole word (not inside a longer identifier).
 * `indexOf` and a character test: several times faster than a Unicode-aware regular expression.
 */
export function* wordOccurrences(text: string, word: string, from: number, to: number): Generator<number> {
  const last = to - word.length;
  for (let i = text.indexOf(word, from); i >= 0 && i <= last; i = text.indexOf(word, i + 1)) {
    if (isWordChar(text, i - 1, true) || isWordChar(text, i + word.length, false)) continue;
    yield i;
  }
}

const WORD_CHAR = /[\p{L}\p{Nd}_]/u;

/** Whether the character ending (before) or starting (after) at `i` continues an identifier. */
function isWordChar(text: string, i: number, before: boolean): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Outside ASCII: read the whole code point (a surrogate pair for letters beyond the BMP).
  let start = i;
  if (before && c >= 0xdc00 && c <= 0xdfff && i > 0) start = i - 1;
  const cp = text.codePointAt(start) as number;
  return WORD_CHAR.test(String.fromCodePoint(cp));
}

const IDENTIFIER_TYPES = new Set(['identifier', 'field_identifier', 'type_identifier', 'package_identifier']);

function fileOf(n: Node): GoFile {
  return n.source as GoFile;
}

function literalValue(n: Node): string {
  if (n.type === 'raw_string_literal') return JSON.stringify(n.text.slice(1, -1));
  if (n.type === 'interpreted_string_literal') {
    try {
      return JSON.stringify(JSON.parse(n.text));
    } catch {
      return n.text;
    }
  }
  return n.text;
}

/**
 * Name resolution: which declaration an identifier refers to, with Go's block scoping and
 * shadowing. Scopes are not built up front; a lookup walks outward from the identifier through
 * the enclosing statement lists, statement initializers, function signatures and the package.
 */
import type { GoFile } from '../syntax/go-file.js';
import type { Node } from '../syntax/node.js';
import { specs, type PackageIndex } from './package-index.js';
import { universeSymbol, type GoSymbol, type SymbolKind, type VarRole } from './symbols.js';

const FUNCTION_NODES = new Set(['function_declaration', 'method_declaration', 'func_literal']);

export function isFunctionNode(n: Node): boolean {
  return FUNCTION_NODES.has(n.type);
}

/** `enclosingFunction` of nodes already asked about (and of the nodes passed on the way up). */
const enclosingFunctions = new WeakMap<Node, Node | null>();

/**
 * The innermost function (declaration or literal) containing `n`. Memoized along the way up, so
 * asking for every identifier of code nested 10,000 deep stays linear.
 */
export function enclosingFunction(n: Node): Node | undefined {
  const passed: Node[] = [n];
  let found: Node | null = null;
  for (let p = n.parent; p; p = p.parent) {
    if (FUNCTION_NODES.has(p.type)) {
      found = p;
      break;
    }
    const memo = enclosingFunctions.get(p);
    if (memo !== undefined) {
      found = memo;
      break;
    }
    passed.push(p);
  }
  for (const x of passed) enclosingFunctions.set(x, found);
  return found ?? undefined;
}

/**
 * A statement list's declarations, indexed once: lookups in a long function do not walk back over
 * every earlier statement (a 10,000-line function would otherwise cost 10,000² steps).
 */
interface ListIndex {
  /** Index of each child in `list.children`. */
  readonly position: ReadonlyMap<Node, number>;
  /** For each name, the (ascending) indices of the children that declare it. */
  readonly declarers: ReadonlyMap<string, readonly number[]>;
}

export class Scopes {
  private readonly symbolCache = new Map<Node, GoSymbol>();
  private readonly resolved = new Map<Node, GoSymbol | null>();
  private readonly listIndexes = new Map<Node, ListIndex>();
  /** A short variable declaration's symbol → the variable it actually (re)declares. */
  private readonly redeclared = new Map<GoSymbol, GoSymbol>();
  /** For a node and a name: the symbol the name denotes in the scopes enclosing the node. */
  private readonly above = new Map<Node, Map<string, GoSymbol | null>>();

  constructor(
    private readonly index: PackageIndex,
    private readonly fileOf: (n: Node) => GoFile,
  ) {}

  /** The symbol an identifier (or type_identifier / package_identifier) refers to. */
  resolve(ident: Node): GoSymbol | undefined {
    const cached = this.resolved.get(ident);
    if (cached !== undefined) return cached ?? undefined;
    const s = this.declaring(ident) ?? this.lookup(ident.text, ident);
    this.resolved.set(ident, s ?? null);
    return s;
  }

  /** The symbol `name` denotes at the position of `at`. */
  lookup(name: string, at: Node): GoSymbol | undefined {
    if (name === '_' || name === '') return undefined;
    // Walk outward; what lies above a node is memoized per name, so lookups in deeply nested
    // code stop where an earlier lookup passed (nested loops 10,000 deep stay linear).
    const passed: Node[] = [];
    let child: Node = at;
    let result: GoSymbol | null | undefined;
    for (let cur = at.parent; cur; child = cur, cur = cur.parent) {
      const memo = this.above.get(child)?.get(name);
      if (memo !== undefined) {
        result = memo;
        break;
      }
      // Above a for clause, what is visible depends on where in the clause the lookup started
      // (the initializer does not see its own variables): not memoized.
      if (child.type !== 'for_clause') passed.push(child);
      const found = this.lookupIn(cur, child, name, at);
      if (found) {
        result = found;
        break;
      }
    }
    if (result === undefined) {
      const file = this.fileOf(at);
      result = this.index.lookup(name) ?? this.index.importNamed(file, name) ?? universeSymbol(name) ?? null;
    }
    for (const n of passed) {
      let names = this.above.get(n);
      if (!names) this.above.set(n, (names = new Map()));
      names.set(name, result);
    }
    return result ?? undefined;
  }

  /** If `ident` is the name being declared (the `m` of `m := ...`), the symbol it declares. */
  private declaring(ident: Node): GoSymbol | undefined {
    const name = ident.text;
    if (name === '_') return undefined;
    const parent = ident.parent;
    if (!parent) return undefined;
    if (parent.type === 'expression_list' && parent.field === 'left') {
      const stmt = parent.parent;
      if (!stmt) return undefined;
      const i = parent.namedChildren.indexOf(ident);
      if (stmt.type === 'short_var_declaration') {
        const s = this.symbolFor('var', ident, stmt, 'local', i);
        const list = stmt.parent?.type === 'labeled_statement' ? stmt.parent.parent : stmt.parent;
        if (list?.type === 'statement_list') {
          const own = stmt.parent?.type === 'labeled_statement' ? stmt.parent : stmt;
          return this.redeclarationTarget(list, this.listIndex(list).position.get(own) ?? 0, name, s);
        }
        return s;
      }
      if (stmt.type === 'range_clause' && stmt.hasToken(':=')) return this.symbolFor('var', ident, stmt, 'range', i);
      if (stmt.type === 'receive_statement' && stmt.hasToken(':=')) return this.symbolFor('var', ident, stmt, 'select-recv', i);
      return undefined;
    }
    if (ident.field !== 'name') {
      if (parent.type === 'expression_list' && parent.field === 'alias' && parent.parent?.type === 'type_switch_statement') {
        return this.symbolFor('var', ident, parent.parent, 'type-switch', 0);
      }
      return undefined;
    }
    switch (parent.type) {
      case 'var_spec':
      case 'const_spec': {
        const kind: SymbolKind = parent.type === 'var_spec' ? 'var' : 'const';
        const i = parent.childrenOf('name').indexOf(ident);
        if (!enclosingFunction(ident)) {
          const pkg = this.index.lookup(name);
          if (pkg?.ident === ident) return pkg;
          return { ...this.symbolFor(kind, ident, parent, 'package', i), role: kind === 'var' ? 'package' : undefined };
        }
        return this.symbolFor(kind, ident, parent, 'local', i);
      }
      case 'type_spec':
      case 'type_alias': {
        if (!enclosingFunction(ident)) {
          const pkg = this.index.lookup(name);
          if (pkg?.ident === ident) return pkg;
        }
        return this.symbolFor('type', ident, parent, undefined, 0);
      }
      case 'type_parameter_declaration':
        return this.symbolFor('type', ident, parent, undefined, parent.childrenOf('name').indexOf(ident));
      case 'parameter_declaration':
      case 'variadic_parameter_declaration': {
        const fn = parent.parent?.parent;
        if (fn && FUNCTION_NODES.has(fn.type)) return this.inSignature(fn, name);
        return undefined;
      }
      case 'function_declaration': {
        const pkg = this.index.lookup(name);
        return pkg?.ident === ident ? pkg : undefined;
      }
      default:
        return undefined;
    }
  }

  private lookupIn(scope: Node, child: Node, name: string, at: Node): GoSymbol | undefined {
    switch (scope.type) {
      case 'statement_list':
        return this.inStatementList(scope, child, name);
      case 'if_statement':
      case 'expression_switch_statement':
      case 'type_switch_statement': {
        const init = scope.child('initializer');
        if (scope.type === 'type_switch_statement') {
          const found = this.typeSwitchAlias(scope, child, name);
          if (found) return found;
        }
        if (init && child !== init) return this.declaredBy(init, name, 'local');
        return undefined;
      }
      case 'for_statement': {
        const range = scope.namedChildren.find((c) => c.type === 'range_clause');
        if (range && child !== range && range.hasToken(':=')) {
          const left = range.child('left');
          const idents = left ? left.namedChildren : [];
          const i = idents.findIndex((n) => n.type === 'identifier' && n.text === name);
          if (i >= 0) return this.symbolFor('var', idents[i] as Node, range, 'range', i);
        }
        const clause = scope.namedChildren.find((c) => c.type === 'for_clause');
        const init = clause?.child('initializer');
        if (!init) return undefined;
        // The body, the condition and the post statement see the initializer's variables.
        const inInit = at.start >= init.start && at.end <= init.end;
        return inInit ? undefined : this.declaredBy(init, name, 'local');
      }
      case 'communication_case': {
        const comm = scope.child('communication');
        if (comm && child !== comm && comm.type === 'receive_statement' && comm.hasToken(':=')) {
          const left = comm.child('left');
          const idents = left ? left.namedChildren : [];
          const i = idents.findIndex((n) => n.type === 'identifier' && n.text === name);
          if (i >= 0) return this.symbolFor('var', idents[i] as Node, comm, 'select-recv', i);
        }
        return undefined;
      }
      case 'function_declaration':
      case 'method_declaration':
      case 'func_literal':
        return this.inSignature(scope, name);
      case 'type_spec':
      case 'type_alias': {
        const tps = scope.child('type_parameters');
        return tps ? this.inTypeParams(tps, name, scope) : undefined;
      }
      default:
        return undefined;
    }
  }

  private inStatementList(list: Node, child: Node, name: string): GoSymbol | undefined {
    // A declaration's own names are in scope only after it ends (`x := x + 1`); declaring
    // identifiers themselves are handled by `declaring`.
    const index = this.listIndex(list);
    const found = this.declarationBefore(list, index.position.get(child) ?? list.children.length, name);
    return found ? this.redeclarationTarget(list, found.at, name, found.symbol) : undefined;
  }

  /** The last declaration of `name` among the first `end` children of `list`. */
  private declarationBefore(list: Node, end: number, name: string): { symbol: GoSymbol; at: number } | undefined {
    const at = this.listIndex(list).declarers.get(name);
    if (!at) return undefined;
    const stmts = list.children;
    // Binary search: the last declarer index below `end`.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((at[mid] as number) < end) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0; k--) {
      const j = at[k] as number;
      const symbol = this.declaredBy(stmts[j] as Node, name, 'local');
      if (symbol) return { symbol, at: j };
    }
    return undefined;
  }

  private listIndex(list: Node): ListIndex {
    let index = this.listIndexes.get(list);
    if (!index) {
      const position = new Map<Node, number>();
      const declarers = new Map<string, number[]>();
      list.children.forEach((stmt, i) => {
        position.set(stmt, i);
        if (!stmt.named) return;
        for (const name of declaredNames(stmt)) {
          const at = declarers.get(name);
          if (!at) declarers.set(name, [i]);
          else if (at[at.length - 1] !== i) at.push(i);
        }
      });
      index = { position, declarers };
      this.listIndexes.set(list, index);
    }
    return index;
  }

  /**
   * `a, err := f()` after an earlier `err` of the same block does not declare a new `err`: follow
   * such redeclarations back to the original declaration (or the function's parameter). Iterative
   * and memoized: a function with thousands of `x, err :=` lines resolves each in constant time.
   */
  private redeclarationTarget(list: Node, j: number, name: string, s: GoSymbol): GoSymbol {
    const chain: GoSymbol[] = [];
    let cur = s;
    let at = j;
    let target: GoSymbol | undefined;
    while (target === undefined) {
      if (cur.decl?.type !== 'short_var_declaration') {
        target = cur;
        break;
      }
      const known = this.redeclared.get(cur);
      if (known) {
        target = known;
        break;
      }
      chain.push(cur);
      const earlier = this.declarationBefore(list, at, name);
      if (earlier) {
        cur = earlier.symbol;
        at = earlier.at;
        continue;
      }
      const block = list.parent;
      const fn = block?.parent;
      const param = block?.type === 'block' && fn && FUNCTION_NODES.has(fn.type) && block.field === 'body' ? this.inSignature(fn, name) : undefined;
      target = param ?? cur;
    }
    for (const c of chain) this.redeclared.set(c, target);
    return target;
  }

  /** The symbol `stmt` declares for `name`, if it declares one. */
  private declaredBy(stmt: Node, name: string, role: VarRole): GoSymbol | undefined {
    let s = stmt;
    while (s.type === 'labeled_statement') {
      const inner = s.namedChildren.find((c) => c.type !== 'label_name');
      if (!inner) return undefined;
      s = inner;
    }
    switch (s.type) {
      case 'short_var_declaration': {
        const left = s.child('left');
        const idents = left ? left.namedChildren : [];
        const i = idents.findIndex((n) => n.type === 'identifier' && n.text === name);
        return i >= 0 ? this.symbolFor('var', idents[i] as Node, s, role, i) : undefined;
      }
      case 'var_declaration':
      case 'const_declaration': {
        for (const spec of specs(s)) {
          const names = spec.childrenOf('name');
          const i = names.findIndex((n) => n.text === name);
          if (i >= 0) return this.symbolFor(spec.type === 'var_spec' ? 'var' : 'const', names[i] as Node, spec, role, i);
        }
        return undefined;
      }
      case 'type_declaration': {
        for (const spec of s.namedChildren) {
          const n = spec.child('name');
          if (n && n.text === name) return this.symbolFor('type', n, spec, undefined, 0);
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  private inSignature(fn: Node, name: string): GoSymbol | undefined {
    const lists: Array<[Node | undefined, VarRole]> = [
      [fn.child('receiver'), 'receiver'],
      [fn.child('parameters'), 'param'],
    ];
    const result = fn.child('result');
    if (result?.type === 'parameter_list') lists.push([result, 'result']);
    for (const [list, role] of lists) {
      if (!list) continue;
      for (const p of list.namedChildren) {
        if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration') continue;
        const names = p.childrenOf('name');
        const i = names.findIndex((n) => n.text === name);
        if (i >= 0) return this.symbolFor('var', names[i] as Node, p, role, i, fn);
      }
    }
    const tps = fn.child('type_parameters');
    if (tps) return this.inTypeParams(tps, name, fn);
    return undefined;
  }

  private inTypeParams(list: Node, name: string, owner: Node): GoSymbol | undefined {
    for (const d of list.namedChildren) {
      if (d.type !== 'type_parameter_declaration') continue;
      const names = d.childrenOf('name');
      const i = names.findIndex((n) => n.text === name);
      if (i >= 0) return this.symbolFor('type', names[i] as Node, d, undefined, i, owner);
    }
    return undefined;
  }

  private typeSwitchAlias(sw: Node, child: Node, name: string): GoSymbol | undefined {
    const alias = sw.child('alias');
    const id = alias?.namedChildren[0];
    if (!id || id.text !== name) return undefined;
    if (child.type !== 'type_case' && child.type !== 'default_case') return undefined;
    // Each clause has its own copy of the variable, typed by the clause.
    return this.symbolFor('var', id, sw, 'type-switch', 0, undefined, child);
  }

  private symbolFor(
    kind: SymbolKind,
    ident: Node,
    decl: Node,
    role: VarRole | undefined,
    index: number,
    owner?: Node,
    caseClause?: Node,
  ): GoSymbol {
    const key = caseClause ?? ident;
    let s = this.symbolCache.get(key);
    if (!s) {
      s = {
        kind,
        name: ident.text,
        ident,
        decl,
        role: kind === 'var' ? role : undefined,
        owner: owner ?? enclosingFunction(ident),
        index,
        ...(caseClause ? { caseClause } : {}),
      };
      this.symbolCache.set(key, s);
    }
    return s;
  }
}

/** The names a statement declares (what `declaredBy` finds), for indexing a statement list. */
function declaredNames(stmt: Node): string[] {
  let s = stmt;
  while (s.type === 'labeled_statement') {
    const inner = s.namedChildren.find((c) => c.type !== 'label_name');
    if (!inner) return [];
    s = inner;
  }
  switch (s.type) {
    case 'short_var_declaration':
      return (s.child('left')?.namedChildren ?? []).filter((n) => n.type === 'identifier').map((n) => n.text);
    case 'var_declaration':
    case 'const_declaration':
      return specs(s).flatMap((spec) => spec.childrenOf('name').map((n) => n.text));
    case 'type_declaration':
      return s.namedChildren.flatMap((spec) => {
        const n = spec.child('name');
        return n ? [n.text] : [];
      });
    default:
      return [];
  }
}


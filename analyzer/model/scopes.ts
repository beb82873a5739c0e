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

/** The innermost function (declaration or literal) containing `n`. */
export function enclosingFunction(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (FUNCTION_NODES.has(p.type)) return p;
  return undefined;
}

export class Scopes {
  private readonly symbolCache = new Map<Node, GoSymbol>();
  private readonly resolved = new Map<Node, GoSymbol | null>();

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
    let child: Node = at;
    for (let cur = at.parent; cur; child = cur, cur = cur.parent) {
      const found = this.lookupIn(cur, child, name, at);
      if (found) return found;
    }
    const file = this.fileOf(at);
    return this.index.lookup(name) ?? this.index.importNamed(file, name) ?? universeSymbol(name);
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
          return this.redeclarationTarget(list, list.children.indexOf(own), name, s);
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
    const stmts = list.children;
    let i = stmts.indexOf(child);
    if (i < 0) i = stmts.length;
    // A declaration's own names are in scope only after it ends (`x := x + 1`); declaring
    // identifiers themselves are handled by `declaring`.
    for (let j = i - 1; j >= 0; j--) {
      const s = this.declaredBy(stmts[j] as Node, name, 'local');
      if (s) return this.redeclarationTarget(list, j, name, s);
    }
    return undefined;
  }

  /**
   * `a, err := f()` after an earlier `err` of the same block does not declare a new `err`: follow
   * such redeclarations back to the original declaration (or the function's parameter).
   */
  private redeclarationTarget(list: Node, j: number, name: string, s: GoSymbol): GoSymbol {
    if (s.decl?.type !== 'short_var_declaration') return s;
    const stmts = list.children;
    for (let k = j - 1; k >= 0; k--) {
      const earlier = this.declaredBy(stmts[k] as Node, name, 'local');
      if (earlier) return this.redeclarationTarget(list, k, name, earlier);
    }
    const block = list.parent;
    const fn = block?.parent;
    if (block?.type === 'block' && fn && FUNCTION_NODES.has(fn.type) && block.field === 'body') {
      const p = this.inSignature(fn, name);
      if (p) return p;
    }
    return s;
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

/**
 * Types of expressions and declarations, computed on demand and memoized.
 *
 * The resolver knows the package's own declarations (through `Scopes` and `PackageIndex`) and the
 * standard-library types in `well-known.ts`. Everything else is `unknown`. Evaluation recurses
 * over nested expressions, but with a hard depth bound: past it the answer is `unknown`, so no
 * input can overflow the stack.
 */
import type { Node } from '../syntax/node.js';
import type { MethodDecl, PackageIndex } from './package-index.js';
import type { Scopes } from './scopes.js';
import type { GoSymbol } from './symbols.js';
import {
  BOOL,
  INT,
  NIL,
  STRING,
  UNKNOWN,
  basic,
  coreType,
  derefPointer,
  underlying,
  type Field,
  type FuncType,
  type NamedType,
  type Type,
} from './types.js';
import { EMPTY_INTERFACE, ERROR_TYPE, externalNamed, knownField, knownFunc, knownMethod } from './well-known.js';

const MAX_DEPTH = 48;

export interface FieldSelection {
  readonly field: Field;
  /** The named struct type declaring the field (undefined for anonymous structs). */
  readonly owner: NamedType | undefined;
  /** Embedded fields traversed to reach it (promoted fields). */
  readonly via: readonly Field[];
}

export interface MethodSelection {
  readonly signature: FuncType;
  /** The package's own method declaration, when the method is declared in this package. */
  readonly decl: MethodDecl | undefined;
  /** The named type the method belongs to. */
  readonly owner: NamedType | undefined;
  /** Embedded fields traversed to reach it (promoted methods, e.g. an embedded sync.Mutex). */
  readonly via: readonly Field[];
}

type Subst = ReadonlyMap<string, Type> | undefined;

export class Typing {
  private readonly exprTypes = new Map<Node, Type>();
  private readonly symbolTypes = new Map<GoSymbol, Type>();
  private readonly named = new Map<Node, NamedType>();
  private readonly signatures = new Map<Node, FuncType>();
  private depth = 0;

  constructor(
    private readonly scopes: Scopes,
    private readonly index: PackageIndex,
  ) {}

  /** The type of an expression; `unknown` when it cannot be established. */
  typeOf(expr: Node): Type {
    const cached = this.exprTypes.get(expr);
    if (cached) return cached;
    const t = this.guard(() => this.computeTypeOf(expr));
    this.exprTypes.set(expr, t);
    return t;
  }

  /** The type of a variable, constant or function symbol. */
  typeOfSymbol(sym: GoSymbol): Type {
    const cached = this.symbolTypes.get(sym);
    if (cached) return cached;
    this.symbolTypes.set(sym, UNKNOWN); // breaks cycles such as `var a = b; var b = a`
    const t = this.guard(() => this.computeSymbolType(sym));
    this.symbolTypes.set(sym, t);
    return t;
  }

  /** The type a type expression denotes (`map[string]int`, `*S`, `sync.Mutex`, `Set[int]`). */
  typeFromTypeNode(node: Node, subst?: Subst): Type {
    return this.guard(() => this.computeTypeNode(node, subst));
  }

  /** The type an expression denotes when it is used as a type (the callee of a conversion). */
  typeDenotedBy(expr: Node): Type | undefined {
    return this.guard(() => this.denotedType(expr));
  }

  /** The signature of a function or method declaration, or a function literal. */
  signatureOf(fn: Node): FuncType {
    let s = this.signatures.get(fn);
    if (!s) {
      s = this.guard(() => this.signatureFromNodes(fn.child('parameters'), fn.child('result'), undefined)) as FuncType;
      if (s.kind !== 'func') s = { kind: 'func', params: [], results: [], variadic: false };
      this.signatures.set(fn, s);
    }
    return s;
  }

  /** Field selection `x.name` on a value of type `t` (auto-dereferencing, promoted fields). */
  fieldOf(t: Type, name: string): FieldSelection | undefined {
    let level: Array<{ type: Type; via: Field[] }> = [{ type: t, via: [] }];
    const seen = new Set<Type>();
    for (let depth = 0; depth < 8 && level.length > 0; depth++) {
      const found: FieldSelection[] = [];
      const next: Array<{ type: Type; via: Field[] }> = [];
      for (const { type, via } of level) {
        const base = derefPointer(type);
        if (seen.has(base)) continue;
        seen.add(base);
        if (base.kind === 'named' && base.pkg !== '') {
          const kf = knownField(base, name);
          if (kf) found.push({ field: { name, type: kf, embedded: false, tag: undefined, decl: undefined }, owner: base, via });
          continue;
        }
        const u = underlying(base);
        if (u.kind !== 'struct') continue;
        for (const f of u.fields) {
          if (f.name === name) found.push({ field: f, owner: base.kind === 'named' ? base : undefined, via });
          if (f.embedded) next.push({ type: f.type, via: [...via, f] });
        }
      }
      if (found.length === 1) return found[0];
      if (found.length > 1) return undefined; // ambiguous selector
      level = next;
    }
    return undefined;
  }

  /** Method selection `x.name()` on a value of type `t`. */
  methodOf(t: Type, name: string): MethodSelection | undefined {
    let level: Array<{ type: Type; via: Field[] }> = [{ type: t, via: [] }];
    const seen = new Set<Type>();
    for (let depth = 0; depth < 8 && level.length > 0; depth++) {
      const found: MethodSelection[] = [];
      const next: Array<{ type: Type; via: Field[] }> = [];
      for (const { type, via } of level) {
        const base = derefPointer(type);
        if (seen.has(base)) continue;
        seen.add(base);
        if (base.kind === 'named') {
          if (base.pkg === '') {
            const decl = this.index.methodsOf(base.name)?.get(name);
            if (decl) {
              found.push({ signature: this.signatureOf(decl.node), decl, owner: base, via });
              continue;
            }
          } else {
            const m = knownMethod(base, name);
            if (m) {
              found.push({ signature: m, decl: undefined, owner: base, via });
              continue;
            }
          }
        }
        const u = underlying(base);
        if (u.kind === 'interface' && u.methods.includes(name)) {
          found.push({ signature: { kind: 'func', params: [], results: [UNKNOWN], variadic: false }, decl: undefined, owner: base.kind === 'named' ? base : undefined, via });
          continue;
        }
        if (u.kind === 'struct') for (const f of u.fields) if (f.embedded) next.push({ type: f.type, via: [...via, f] });
      }
      if (found.length === 1) return found[0];
      if (found.length > 1) return undefined;
      level = next;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------

  private guard<T extends Type | undefined>(f: () => T): T {
    if (this.depth >= MAX_DEPTH) return UNKNOWN as T;
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  private computeTypeOf(e: Node): Type {
    switch (e.type) {
      case 'identifier': {
        const sym = this.scopes.resolve(e);
        if (!sym) return UNKNOWN;
        if (sym.kind === 'nil') return NIL;
        if (sym.kind === 'const' && !sym.decl) return sym.name === 'iota' ? INT : BOOL;
        if (sym.kind === 'var' || sym.kind === 'const' || sym.kind === 'func') return this.typeOfSymbol(sym);
        return UNKNOWN;
      }
      case 'nil':
        return NIL;
      case 'true':
      case 'false':
        return BOOL;
      case 'int_literal':
      case 'iota':
        return INT;
      case 'float_literal':
        return basic('float64');
      case 'imaginary_literal':
        return basic('complex128');
      case 'rune_literal':
        return basic('int32');
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return STRING;
      case 'parenthesized_expression': {
        const inner = e.namedChildren[0];
        return inner ? this.typeOf(inner) : UNKNOWN;
      }
      case 'composite_literal': {
        const t = e.child('type');
        return t ? this.typeFromTypeNode(t) : UNKNOWN;
      }
      case 'func_literal':
        return this.signatureOf(e);
      case 'unary_expression': {
        const op = e.child('operator')?.type;
        const operand = e.child('operand');
        if (!operand) return UNKNOWN;
        if (op === '!') return BOOL;
        const t = this.typeOf(operand);
        if (op === '&') return t.kind === 'unknown' ? UNKNOWN : { kind: 'pointer', elem: t };
        if (op === '*') {
          const u = underlying(t);
          return u.kind === 'pointer' ? u.elem : UNKNOWN;
        }
        if (op === '<-') {
          const u = coreType(t);
          return u.kind === 'chan' ? u.elem : UNKNOWN;
        }
        return t;
      }
      case 'binary_expression': {
        const op = e.child('operator')?.type ?? '';
        if (['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(op)) return BOOL;
        const left = e.child('left');
        const right = e.child('right');
        const lt = left ? this.typeOf(left) : UNKNOWN;
        if (op === '<<' || op === '>>') return lt;
        if (lt.kind !== 'unknown' && !(left && isConstantLiteral(left))) return lt;
        return right ? this.typeOf(right) : lt;
      }
      case 'index_expression': {
        const operand = e.child('operand');
        if (!operand) return UNKNOWN;
        const t = coreType(this.typeOf(operand));
        switch (t.kind) {
          case 'map':
            return t.value;
          case 'slice':
          case 'array':
            return t.elem;
          case 'pointer': {
            const a = underlying(t.elem);
            return a.kind === 'array' ? a.elem : UNKNOWN;
          }
          case 'basic':
            return t.name === 'string' ? basic('uint8') : UNKNOWN;
          default:
            return UNKNOWN;
        }
      }
      case 'slice_expression': {
        const operand = e.child('operand');
        if (!operand) return UNKNOWN;
        const ot = this.typeOf(operand);
        const t = coreType(ot);
        if (t.kind === 'basic' && t.name === 'string') return ot;
        if (t.kind === 'slice') return ot;
        if (t.kind === 'array') return { kind: 'slice', elem: t.elem };
        if (t.kind === 'pointer') {
          const a = underlying(t.elem);
          if (a.kind === 'array') return { kind: 'slice', elem: a.elem };
        }
        return UNKNOWN;
      }
      case 'selector_expression':
        return this.selectorType(e);
      case 'call_expression':
        return this.callType(e);
      case 'type_conversion_expression':
      case 'type_assertion_expression': {
        const t = e.child('type');
        return t ? this.typeFromTypeNode(t) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private selectorType(e: Node): Type {
    const operand = e.child('operand');
    const field = e.child('field');
    if (!operand || !field) return UNKNOWN;
    const name = field.text;
    if (operand.type === 'identifier') {
      const sym = this.scopes.resolve(operand);
      if (sym?.kind === 'import') {
        const f = knownFunc(sym.importPath ?? '', name);
        return f ?? UNKNOWN;
      }
      if (sym?.kind === 'type') return UNKNOWN; // method expression T.m
    }
    const t = this.typeOf(operand);
    if (t.kind === 'unknown') return UNKNOWN;
    const f = this.fieldOf(t, name);
    if (f) return f.field.type;
    const m = this.methodOf(t, name);
    if (m) return m.signature;
    return UNKNOWN;
  }

  private callType(e: Node): Type {
    const fn = e.child('function');
    const args = e.child('arguments')?.namedChildren ?? [];
    if (!fn) return UNKNOWN;
    if (fn.type === 'identifier') {
      const sym = this.scopes.resolve(fn);
      if (sym?.kind === 'builtin') return this.builtinResult(sym.name, args);
    }
    const conv = this.denotedType(fn);
    if (conv) return conv;
    const ft = coreType(this.typeOf(fn));
    if (ft.kind !== 'func') return UNKNOWN;
    if (ft.results.length === 1) return ft.results[0] as Type;
    if (ft.results.length > 1) return { kind: 'tuple', types: ft.results };
    return UNKNOWN;
  }

  private builtinResult(name: string, args: Node[]): Type {
    const first = args[0];
    switch (name) {
      case 'make':
        return first ? this.typeOrExpr(first) : UNKNOWN;
      case 'new': {
        const t = first ? this.typeOrExpr(first) : UNKNOWN;
        return t.kind === 'unknown' ? UNKNOWN : { kind: 'pointer', elem: t };
      }
      case 'append':
      case 'min':
      case 'max':
        return first ? this.typeOf(first) : UNKNOWN;
      case 'len':
      case 'cap':
      case 'copy':
        return INT;
      case 'recover':
        return EMPTY_INTERFACE;
      case 'real':
      case 'imag':
        return basic('float64');
      case 'complex':
        return basic('complex128');
      default:
        return UNKNOWN;
    }
  }

  /** A type argument of make/new: type nodes, but identifiers too (the grammar cannot tell). */
  private typeOrExpr(n: Node): Type {
    if (n.type === 'identifier' || n.type === 'selector_expression' || n.type === 'parenthesized_expression' || n.type === 'index_expression') {
      return this.denotedType(n) ?? UNKNOWN;
    }
    return this.typeFromTypeNode(n);
  }

  /** If `e` (an expression syntactically) names a type, that type. */
  private denotedType(e: Node): Type | undefined {
    switch (e.type) {
      case 'identifier':
      case 'type_identifier': {
        const sym = this.scopes.resolve(e);
        if (!sym || sym.kind !== 'type') return undefined;
        return this.typeOfTypeSymbol(sym, e, undefined);
      }
      case 'selector_expression': {
        const operand = e.child('operand');
        const field = e.child('field');
        if (operand?.type !== 'identifier' || !field) return undefined;
        const sym = this.scopes.resolve(operand);
        if (sym?.kind !== 'import') return undefined;
        if (knownFunc(sym.importPath ?? '', field.text)) return undefined;
        const t = externalNamed(sym.importPath ?? '', field.text);
        // Only types known to be types: an unknown `pkg.F(x)` may just as well be a call.
        return t.underlying().kind === 'unknown' ? undefined : t;
      }
      case 'parenthesized_expression': {
        const inner = e.namedChildren[0];
        if (!inner) return undefined;
        if (inner.type === 'unary_expression' && inner.child('operator')?.type === '*') {
          const operand = inner.child('operand');
          const t = operand ? this.denotedType(operand) : undefined;
          return t ? { kind: 'pointer', elem: t } : undefined;
        }
        return this.denotedType(inner);
      }
      case 'index_expression': {
        // Generic type instantiation used as a conversion: Set[string](x).
        const operand = e.child('operand');
        if (!operand) return undefined;
        const base = this.denotedType(operand);
        return base;
      }
      case 'map_type':
      case 'slice_type':
      case 'array_type':
      case 'pointer_type':
      case 'channel_type':
      case 'function_type':
      case 'struct_type':
      case 'interface_type':
      case 'qualified_type':
      case 'generic_type':
      case 'parenthesized_type':
        return this.typeFromTypeNode(e);
      default:
        return undefined;
    }
  }

  private computeSymbolType(sym: GoSymbol): Type {
    const decl = sym.decl;
    if (sym.kind === 'func') return decl ? this.signatureOf(decl) : UNKNOWN;
    if (!decl) return UNKNOWN;
    switch (decl.type) {
      case 'parameter_declaration':
      case 'variadic_parameter_declaration': {
        const t = decl.child('type');
        const pt = t ? this.typeFromTypeNode(t) : UNKNOWN;
        return decl.type === 'variadic_parameter_declaration' ? { kind: 'slice', elem: pt } : pt;
      }
      case 'var_spec':
      case 'const_spec': {
        const t = decl.child('type');
        if (t) return this.typeFromTypeNode(t);
        return this.initializerType(decl.child('value')?.namedChildren ?? [], decl.childrenOf('name').length, sym.index);
      }
      case 'short_var_declaration': {
        const left = decl.child('left')?.namedChildren.length ?? 1;
        return this.initializerType(decl.child('right')?.namedChildren ?? [], left, sym.index);
      }
      case 'range_clause': {
        const right = decl.child('right');
        return right ? this.rangeVarType(right, sym.index) : UNKNOWN;
      }
      case 'type_switch_statement': {
        const value = decl.child('value');
        const clause = sym.caseClause;
        if (clause?.type === 'type_case') {
          const types = clause.childrenOf('type').filter((t) => t.named);
          if (types.length === 1 && types[0]?.type !== 'nil' && types[0]?.text !== 'nil') return this.typeFromTypeNode(types[0] as Node);
        }
        return value ? this.typeOf(value) : UNKNOWN;
      }
      case 'receive_statement': {
        if (sym.index === 1) return BOOL;
        const right = decl.child('right');
        return right ? this.typeOf(right) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  private initializerType(values: Node[], names: number, index: number): Type {
    if (values.length === names) {
      const v = values[index];
      if (!v) return UNKNOWN;
      const t = this.typeOf(v);
      return t.kind === 'nil' ? UNKNOWN : t;
    }
    if (values.length !== 1) return UNKNOWN;
    const v = values[0] as Node;
    // Comma-ok forms: v, ok := m[k] / x.(T) / <-ch
    const inner = stripParens(v);
    if (names === 2 && (inner.type === 'index_expression' || inner.type === 'type_assertion_expression' || (inner.type === 'unary_expression' && inner.child('operator')?.type === '<-'))) {
      return index === 1 ? BOOL : this.typeOf(inner);
    }
    const t = this.typeOf(v);
    if (t.kind === 'tuple') return t.types[index] ?? UNKNOWN;
    return UNKNOWN;
  }

  private rangeVarType(rangeExpr: Node, index: number): Type {
    const t = coreType(this.typeOf(rangeExpr));
    switch (t.kind) {
      case 'map':
        return index === 0 ? t.key : t.value;
      case 'slice':
      case 'array':
        return index === 0 ? INT : t.elem;
      case 'pointer': {
        const a = underlying(t.elem);
        return a.kind === 'array' ? (index === 0 ? INT : a.elem) : UNKNOWN;
      }
      case 'basic':
        if (t.name === 'string') return index === 0 ? INT : basic('int32');
        if (/^u?int/.test(t.name)) return index === 0 ? this.typeOf(rangeExpr) : UNKNOWN;
        return UNKNOWN;
      case 'chan':
        return index === 0 ? t.elem : UNKNOWN;
      case 'func': {
        const yieldFn = t.params[0] ? coreType(t.params[0]) : UNKNOWN;
        return yieldFn.kind === 'func' ? (yieldFn.params[index] ?? UNKNOWN) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  }

  // --- type expressions ------------------------------------------------------------------------

  private computeTypeNode(n: Node, subst: Subst): Type {
    switch (n.type) {
      case 'type_identifier':
      case 'identifier': {
        const s = subst?.get(n.text);
        if (s) return s;
        const sym = this.scopes.resolve(n);
        return sym?.kind === 'type' ? this.typeOfTypeSymbol(sym, n, subst) : UNKNOWN;
      }
      case 'qualified_type': {
        const pkg = n.child('package');
        const name = n.child('name');
        if (!pkg || !name) return UNKNOWN;
        const sym = this.scopes.resolve(pkg);
        return sym?.kind === 'import' ? externalNamed(sym.importPath ?? '', name.text) : UNKNOWN;
      }
      case 'generic_type': {
        const base = n.child('type');
        const args = (n.child('type_arguments')?.namedChildren ?? []).map((a) => this.typeFromTypeNode(a, subst));
        if (!base) return UNKNOWN;
        if (base.type === 'type_identifier') {
          const sym = this.scopes.resolve(base);
          if (sym?.kind === 'type' && sym.decl?.type === 'type_spec') return this.namedFor(sym.decl, args);
        }
        return this.typeFromTypeNode(base, subst);
      }
      case 'type_elem':
      case 'parenthesized_type':
      case 'negated_type': {
        const inner = n.namedChildren[0];
        return inner ? this.typeFromTypeNode(inner, subst) : UNKNOWN;
      }
      case 'pointer_type': {
        const inner = n.namedChildren[0];
        return { kind: 'pointer', elem: inner ? this.typeFromTypeNode(inner, subst) : UNKNOWN };
      }
      case 'slice_type':
        return { kind: 'slice', elem: this.fieldType(n, 'element', subst) };
      case 'array_type':
      case 'implicit_length_array_type':
        return { kind: 'array', elem: this.fieldType(n, 'element', subst) };
      case 'map_type':
        return { kind: 'map', key: this.fieldType(n, 'key', subst), value: this.fieldType(n, 'value', subst) };
      case 'channel_type':
        return { kind: 'chan', elem: this.fieldType(n, 'value', subst) };
      case 'function_type':
        return this.signatureFromNodes(n.child('parameters'), n.child('result'), subst);
      case 'struct_type':
        return { kind: 'struct', fields: this.structFields(n, subst) };
      case 'interface_type':
        return this.interfaceType(n, subst);
      case 'type_constraint': {
        const parts = n.namedChildren;
        if (parts.length === 1) {
          const only = parts[0] as Node;
          const t = this.typeFromTypeNode(only, subst);
          if (only.type !== 'negated_type' && underlying(t).kind === 'interface') return t;
          return { kind: 'interface', methods: [], terms: [t], incomplete: false };
        }
        return { kind: 'interface', methods: [], terms: parts.map((p) => this.typeFromTypeNode(p, subst)), incomplete: false };
      }
      default:
        return UNKNOWN;
    }
  }

  private fieldType(n: Node, field: string, subst: Subst): Type {
    const c = n.child(field);
    return c ? this.typeFromTypeNode(c, subst) : UNKNOWN;
  }

  private typeOfTypeSymbol(sym: GoSymbol, _at: Node, subst: Subst): Type {
    if (!sym.decl) {
      // Predeclared.
      if (sym.name === 'any') return EMPTY_INTERFACE;
      if (sym.name === 'error') return ERROR_TYPE;
      if (sym.name === 'comparable') return { kind: 'interface', methods: [], terms: null, incomplete: false };
      if (sym.name === 'byte') return basic('uint8');
      if (sym.name === 'rune') return basic('int32');
      return basic(sym.name);
    }
    switch (sym.decl.type) {
      case 'type_spec':
        return this.namedFor(sym.decl, []);
      case 'type_alias': {
        const t = sym.decl.child('type');
        return t ? this.typeFromTypeNode(t, subst) : UNKNOWN;
      }
      case 'type_parameter_declaration': {
        const decl = sym.decl;
        const self = this;
        let constraint: Type | undefined;
        return {
          kind: 'typeParam',
          name: sym.name,
          decl,
          constraint(): Type {
            if (!constraint) {
              constraint = UNKNOWN;
              const c = decl.child('type');
              constraint = c ? self.typeFromTypeNode(c) : UNKNOWN;
            }
            return constraint;
          },
        };
      }
      default:
        return UNKNOWN;
    }
  }

  /** The NamedType of a package-level or local type_spec, instantiated with `args`. */
  private namedFor(spec: Node, args: Type[]): NamedType {
    if (args.length === 0) {
      const cached = this.named.get(spec);
      if (cached) return cached;
    }
    const name = spec.child('name')?.text ?? '?';
    const self = this;
    let resolved: Type | undefined;
    const t: NamedType = {
      kind: 'named',
      pkg: '',
      name,
      args,
      decl: spec,
      underlying(): Type {
        if (resolved === undefined) {
          resolved = UNKNOWN; // a self-referential definition resolves to unknown, not a loop
          const typeNode = spec.child('type');
          let subst: Map<string, Type> | undefined;
          const params = spec.child('type_parameters');
          if (params && args.length > 0) {
            subst = new Map();
            let i = 0;
            for (const d of params.namedChildren) {
              for (const n of d.childrenOf('name')) subst.set(n.text, args[i++] ?? UNKNOWN);
            }
          }
          const u = typeNode ? self.typeFromTypeNode(typeNode, subst) : UNKNOWN;
          resolved = u.kind === 'named' ? u.underlying() : u;
        }
        return resolved;
      },
    };
    if (args.length === 0) this.named.set(spec, t);
    return t;
  }

  private structFields(n: Node, subst: Subst): Field[] {
    const list = n.namedChildren.find((c) => c.type === 'field_declaration_list');
    const out: Field[] = [];
    for (const fd of list?.namedChildren ?? []) {
      if (fd.type !== 'field_declaration') continue;
      const typeNode = fd.child('type');
      const t = typeNode ? this.typeFromTypeNode(typeNode, subst) : UNKNOWN;
      const tagNode = fd.child('tag');
      const tag = tagNode ? tagNode.text.slice(1, -1) : undefined;
      const names = fd.childrenOf('name');
      if (names.length === 0) {
        // Embedded: the field is named after the type (without package or pointer).
        const pointer = fd.hasToken('*');
        let base = typeNode;
        if (base?.type === 'generic_type') base = base.child('type');
        const name = base?.type === 'qualified_type' ? base.child('name')?.text : base?.text;
        if (name) out.push({ name, type: pointer ? { kind: 'pointer', elem: t } : t, embedded: true, tag, decl: typeNode });
        continue;
      }
      for (const nm of names) out.push({ name: nm.text, type: t, embedded: false, tag, decl: nm });
    }
    return out;
  }

  private interfaceType(n: Node, subst: Subst): Type {
    const methods: string[] = [];
    const terms: Type[] = [];
    let incomplete = false;
    for (const c of n.namedChildren) {
      if (c.type === 'method_elem') {
        const nm = c.child('name');
        if (nm) methods.push(nm.text);
      } else if (c.type === 'type_elem') {
        const parts = c.namedChildren;
        if (parts.length === 1 && parts[0]?.type !== 'negated_type') {
          const t = this.typeFromTypeNode(parts[0] as Node, subst);
          const u = underlying(t);
          if (u.kind === 'interface') {
            methods.push(...u.methods);
            if (u.terms) terms.push(...u.terms);
            if (u.incomplete) incomplete = true;
            continue;
          }
          if (u.kind === 'unknown') {
            incomplete = true;
            continue;
          }
          terms.push(t);
          continue;
        }
        for (const p of parts) terms.push(this.typeFromTypeNode(p, subst));
      }
    }
    return { kind: 'interface', methods, terms: terms.length > 0 ? terms : null, incomplete };
  }

  private signatureFromNodes(params: Node | undefined, result: Node | undefined, subst: Subst): Type {
    const ps: Type[] = [];
    let variadic = false;
    for (const p of params?.namedChildren ?? []) {
      if (p.type !== 'parameter_declaration' && p.type !== 'variadic_parameter_declaration') continue;
      const tn = p.child('type');
      let t = tn ? this.typeFromTypeNode(tn, subst) : UNKNOWN;
      if (p.type === 'variadic_parameter_declaration') {
        variadic = true;
        t = { kind: 'slice', elem: t };
      }
      const count = Math.max(1, p.childrenOf('name').length);
      for (let i = 0; i < count; i++) ps.push(t);
    }
    const rs: Type[] = [];
    if (result) {
      if (result.type === 'parameter_list') {
        for (const p of result.namedChildren) {
          if (p.type !== 'parameter_declaration') continue;
          const tn = p.child('type');
          const t = tn ? this.typeFromTypeNode(tn, subst) : UNKNOWN;
          const count = Math.max(1, p.childrenOf('name').length);
          for (let i = 0; i < count; i++) rs.push(t);
        }
      } else rs.push(this.typeFromTypeNode(result, subst));
    }
    return { kind: 'func', params: ps, results: rs, variadic };
  }
}

export function stripParens(n: Node): Node {
  let cur = n;
  for (let i = 0; i < 64 && cur.type === 'parenthesized_expression'; i++) {
    const inner = cur.namedChildren[0];
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

function isConstantLiteral(n: Node): boolean {
  return ['int_literal', 'float_literal', 'imaginary_literal', 'rune_literal', 'interpreted_string_literal', 'raw_string_literal'].includes(n.type);
}

/**
 * Is a map nil where it is written? A small flow analysis over one function's statements.
 *
 * Tracks one location — a local map variable, a named result, or a map field of a local struct
 * variable (`s.f`) — through the function body: declarations and assignments set it, `if m == nil`
 * refines it, branches join, loops iterate to a fixed point, `return`/`panic` end a path. Anything
 * the analysis cannot follow (the address taken, a closure assigning it, a method call on the
 * struct, goto) counts as "initialised": unknown means silent.
 *
 * A write to a nil map panics, so after a write only the non-nil paths go on: a loop writing to a
 * map it never makes is nil at the write, not "nil the first time".
 *
 * The verdict at a write:
 * - `nil`: nil on every path that reaches it;
 * - `nil-some-path`: nil on some path, and the write is not itself inside a branch or loop (so the
 *   nil path runs into it unconditionally);
 * - `ok`: initialised, unknown, or only nil on paths that may be correlated with the write's own
 *   condition (`if x { m = make() }` ... `if x { m[k] = v }`).
 */
import type { Node } from '../syntax/node.js';
import { isNoReturnCall } from './control.js';
import { specs } from './package-index.js';
import type { PackageModel } from './package-model.js';
import { isFunctionNode } from './scopes.js';
import type { GoSymbol } from './symbols.js';
import { writeKind } from './package-model.js';
import { asMap } from './types.js';
import { stripParens } from './typing.js';

export type NilVerdict = 'nil' | 'nil-some-path' | 'ok';

/** A tracked location: variable `sym`, or field `field` of the struct it holds (or points to). */
export interface Location {
  readonly sym: GoSymbol;
  readonly field: string | undefined;
  /**
   * Start from nil at the function's entry (a parameter or receiver field, asking "what if the
   * caller passes a nil map / a zero struct?").
   */
  readonly nilAtEntry?: boolean;
}

// Lattice: BOT (unreachable) < NIL, INIT < TOP (nil on some paths).
const BOT = 0;
const NIL = 1;
const INIT = 2;
const TOP = 3;
type State = 0 | 1 | 2 | 3;

function join(a: State, b: State): State {
  if (a === BOT) return b;
  if (b === BOT) return a;
  return a === b ? a : TOP;
}

class GiveUp extends Error {}

const MAX_DEPTH = 200;
/** Statements evaluated per flow (loops re-run their bodies): past it, give up rather than crawl. */
const MAX_STEPS = 200_000;

interface LoopFrame {
  readonly node: Node;
  readonly label: string | undefined;
  breaks: State;
  continues: State;
}

/**
 * The states of one location at every index expression of its function, computed once: a
 * function with many writes to the same map (a table filled line by line) costs one pass, not one
 * pass per write.
 */
interface FlowResult {
  /** The analysis could not follow the location (goto, a closure writing it, too deep). */
  readonly gaveUp: boolean;
  /** Joined state on entry to the statement evaluating each index expression. */
  readonly states: ReadonlyMap<Node, State>;
}

const flows = new WeakMap<PackageModel, Map<GoSymbol, Map<string, FlowResult>>>();

function flowFor(model: PackageModel, loc: Location, fn: Node, body: Node): FlowResult {
  let bySym = flows.get(model);
  if (!bySym) flows.set(model, (bySym = new Map()));
  let byField = bySym.get(loc.sym);
  if (!byField) bySym.set(loc.sym, (byField = new Map()));
  const key = `${loc.field ?? ''}|${loc.nilAtEntry ? 'nil-at-entry' : ''}`;
  let result = byField.get(key);
  if (!result) {
    const analysis = new Flow(model, loc);
    let gaveUp = false;
    try {
      analysis.run(fn, body);
    } catch (e) {
      if (!(e instanceof GiveUp)) throw e;
      gaveUp = true;
    }
    result = { gaveUp, states: analysis.states };
    byField.set(key, result);
  }
  return result;
}

/** The nil verdict for location `loc` at the write `write` (an index expression target). */
export function nilVerdictAt(model: PackageModel, loc: Location, write: Node): NilVerdict {
  const fn = loc.sym.owner;
  const body = fn?.child('body');
  if (!fn || !body || !fn.contains(write)) return 'ok';
  // Writes from closures: the analysis does not follow them.
  for (let p = write.parent; p && p !== fn; p = p.parent) if (isFunctionNode(p)) return 'ok';
  const flow = flowFor(model, loc, fn, body);
  if (flow.gaveUp) return 'ok';
  // States are recorded at index expressions and calls: ask about the nearest one around `write`
  // (an argument of a call is evaluated when the call is).
  let point: Node = write;
  while (point.type !== 'index_expression' && point.type !== 'call_expression' && point.parent && point !== fn) point = point.parent;
  const atWrite = flow.states.get(point) ?? BOT;
  if (atWrite === NIL) return 'nil';
  if (atWrite === TOP && isUnconditionalAfterDeclaration(loc, write, fn)) return 'nil-some-path';
  return 'ok';
}

/** No branch, loop or case lies between the write and the block declaring the location. */
function isUnconditionalAfterDeclaration(loc: Location, write: Node, fn: Node): boolean {
  const declList = loc.sym.role === 'result' ? fn.child('body')?.namedChildren.find((c) => c.type === 'statement_list') : loc.sym.decl?.closest('statement_list');
  for (let p = write.parent; p && p !== fn; p = p.parent) {
    if (declList && p === declList) return true;
    if (['if_statement', 'for_statement', 'expression_case', 'default_case', 'type_case', 'communication_case', 'func_literal'].includes(p.type)) return false;
  }
  return true;
}

class Flow {
  /** State on entry to the statement evaluating each index expression (joined over paths). */
  readonly states = new Map<Node, State>();
  private readonly loops: LoopFrame[] = [];
  private depth = 0;
  private steps = 0;

  constructor(
    private readonly model: PackageModel,
    private readonly loc: Location,
  ) {}

  run(fn: Node, body: Node): void {
    this.checkClosures(fn);
    // A named result starts nil; anything else starts "not yet declared" (BOT) and gets its state
    // from its declaration.
    // A named result starts nil. A local gets its state at its declaration; before it the state
    // is irrelevant (the variable does not exist yet), so start "initialised".
    const namedResult = this.loc.sym.role === 'result' && this.loc.field === undefined;
    this.block(body, namedResult || this.loc.nilAtEntry ? NIL : INIT);
  }

  /** A closure that writes the tracked variable (or takes its address) defeats the analysis. */
  private checkClosures(fn: Node): void {
    for (const ref of this.model.references(this.loc.sym)) {
      if (!fn.contains(ref)) continue;
      let inClosure = false;
      for (let p = ref.parent; p && p !== fn; p = p.parent) if (p.type === 'func_literal') inClosure = true;
      if (!inClosure) continue;
      const p = ref.parent;
      const written = p?.type === 'expression_list' && p.field === 'left';
      const fieldWritten = this.loc.field !== undefined && p?.type === 'selector_expression';
      if (written || fieldWritten || p?.type === 'unary_expression') throw new GiveUp();
    }
  }

  private block(node: Node, state: State): State {
    const list = node.type === 'statement_list' ? node : node.namedChildren.find((c) => c.type === 'statement_list');
    let s = state;
    for (const stmt of list?.namedChildren ?? []) s = this.statement(stmt, s);
    return s;
  }

  private statement(stmt: Node, state: State): State {
    // Unreachable code: nothing in it can make a write reachable, and a write in it is not nil.
    if (state === BOT) return BOT;
    if (++this.depth > MAX_DEPTH || ++this.steps > MAX_STEPS) throw new GiveUp();
    try {
      return this.statementInner(stmt, state);
    } finally {
      this.depth--;
    }
  }

  private statementInner(stmt: Node, state: State): State {
    switch (stmt.type) {
      case 'labeled_statement': {
        const inner = stmt.namedChildren.find((c) => c.type !== 'label_name');
        return inner ? this.statement(inner, state) : state;
      }
      case 'block':
        return this.block(stmt, state);
      case 'return_statement':
        this.visitExpressions(stmt, state);
        return BOT;
      case 'goto_statement':
        throw new GiveUp();
      case 'break_statement':
      case 'continue_statement': {
        const label = stmt.namedChildren.find((c) => c.type === 'label_name')?.text;
        const frame = label ? this.loops.find((f) => f.label === label) : this.loops.at(-1);
        if (!frame) return BOT;
        if (stmt.type === 'break_statement') frame.breaks = join(frame.breaks, state);
        else frame.continues = join(frame.continues, state);
        return BOT;
      }
      case 'if_statement':
        return this.ifStatement(stmt, state);
      case 'for_statement':
        return this.forStatement(stmt, state);
      case 'expression_switch_statement':
      case 'type_switch_statement':
      case 'select_statement':
        return this.switchStatement(stmt, state);
      case 'expression_statement': {
        const s = this.visitExpressions(stmt, state);
        const e = stmt.namedChildren[0];
        if (e && (isNoReturnCall(e) || this.looksNoReturn(e))) return BOT;
        return s;
      }
      case 'defer_statement':
      case 'go_statement':
        return this.visitExpressions(stmt, state);
      default:
        return this.simpleStatement(stmt, state);
    }
  }

  /** Calls named like fatal/die/exit helpers are taken not to return (so their path ends). */
  private looksNoReturn(e: Node): boolean {
    const call = stripParens(e);
    if (call.type !== 'call_expression') return false;
    const fn = call.child('function');
    const name = fn?.type === 'selector_expression' ? fn.child('field')?.text : fn?.text;
    return name !== undefined && /^(Fatal\w*|fatal\w*|Exit\w*|exit\w*|[dD]ie\w*|Panic\w*|panic\w+|abort\w*|Abort\w*|Fail\w*)$/.test(name);
  }

  private simpleStatement(stmt: Node, state: State): State {
    let s = this.visitExpressions(stmt, state);
    switch (stmt.type) {
      case 'short_var_declaration':
      case 'assignment_statement': {
        const left = stmt.child('left')?.namedChildren ?? [];
        const right = stmt.child('right')?.namedChildren ?? [];
        const op = stmt.type === 'assignment_statement' ? (stmt.child('operator')?.type ?? '=') : ':=';
        const tupleCall = left.length > 1 && right.length === 1 && stripParens(right[0] as Node).type === 'call_expression' ? stripParens(right[0] as Node) : undefined;
        left.forEach((l, i) => {
          const value = left.length === right.length ? right[i] : undefined;
          if (tupleCall && (op === '=' || op === ':=') && this.loc.field === undefined && this.isTrackedVar(stripParens(l))) {
            s = this.callResult(tupleCall, i);
            return;
          }
          s = this.assign(l, value, op, s);
        });
        return s;
      }
      case 'var_declaration': {
        for (const spec of specs(stmt)) {
          const names = spec.childrenOf('name');
          const values = spec.child('value')?.namedChildren ?? [];
          names.forEach((n, i) => {
            if (this.model.resolve(n) !== this.loc.sym) return;
            const v = values.length === names.length ? values[i] : undefined;
            s = this.loc.field === undefined ? (v ? this.evalMap(v) : values.length === 0 ? NIL : INIT) : v ? this.evalStruct(v) : values.length === 0 ? NIL : INIT;
          });
        }
        return s;
      }
      case 'inc_statement':
      case 'dec_statement': {
        const target = stripParens(stmt.namedChildren[0] as Node);
        if (target.type === 'index_expression' && this.isTrackedMap(target.child('operand') as Node)) return afterElementWrite(s);
        return s;
      }
      default:
        return s;
    }
  }

  /** Effect of `l = value` (or `:=`, `op=`) on the tracked location. */
  private assign(l: Node, value: Node | undefined, op: string, s: State): State {
    const target = stripParens(l);
    if (this.isTrackedVar(target)) {
      if (this.loc.field === undefined) return op === '=' || op === ':=' ? (value ? this.evalMap(value) : INIT) : s;
      return value && (op === '=' || op === ':=') ? this.evalStruct(value) : INIT;
    }
    if (this.loc.field !== undefined && this.isTrackedField(target)) return value ? this.evalMap(value) : INIT;
    // Writing an element: if the map was nil that panicked, so the path continues only non-nil.
    if (target.type === 'index_expression' && this.isTrackedMap(target.child('operand') as Node)) return afterElementWrite(s);
    return s;
  }

  private isTrackedVar(e: Node): boolean {
    return e.type === 'identifier' && this.model.resolve(e) === this.loc.sym;
  }

  private isTrackedField(e: Node): boolean {
    if (e.type !== 'selector_expression' || e.child('field')?.text !== this.loc.field) return false;
    let operand = stripParens(e.child('operand') as Node);
    if (operand.type === 'unary_expression' && operand.child('operator')?.type === '*') operand = stripParens(operand.child('operand') as Node);
    return this.isTrackedVar(operand);
  }

  private isTrackedMap(e: Node): boolean {
    const x = stripParens(e);
    return this.loc.field === undefined ? this.isTrackedVar(x) : this.isTrackedField(x);
  }

  /** Nil-ness of a map-valued expression. */
  private evalMap(v: Node): State {
    const e = stripParens(v);
    if (e.type === 'nil') return NIL;
    if (e.type === 'type_conversion_expression' && stripParens(e.child('operand') as Node).type === 'nil') return NIL;
    if (e.type === 'call_expression') {
      const args = e.child('arguments')?.namedChildren ?? [];
      const fn = e.child('function');
      if (fn && args.length === 1 && stripParens(args[0] as Node).type === 'nil' && this.model.typing.typeDenotedBy(fn)) return NIL;
    }
    if (e.type === 'call_expression') return this.callResult(e, 0);
    return INIT;
  }

  /** A call of a function of this package that provably returns a nil map in position `i`. */
  private callResult(call: Node, i: number): State {
    const decl = calleeDeclaration(this.model, call);
    return decl && returnsNilMap(this.model, decl, i) ? NIL : INIT;
  }

  /** State of the tracked field after the struct variable is set to `v`. */
  private evalStruct(v: Node): State {
    let e = stripParens(v);
    if (e.type === 'unary_expression' && e.child('operator')?.type === '&') e = stripParens(e.child('operand') as Node);
    if (e.type === 'composite_literal') {
      const body = e.child('body');
      const elems = body?.namedChildren ?? [];
      if (elems.length === 0) return NIL;
      if (elems.some((x) => x.type !== 'keyed_element')) return INIT;
      const mine = elems.find((x) => x.child('key')?.text === this.loc.field);
      const value = mine?.child('value')?.namedChildren[0];
      return value ? this.evalMap(value) : NIL;
    }
    if (e.type === 'call_expression' && e.child('function')?.text === 'new') return NIL;
    return INIT;
  }

  /**
   * Expressions inside a statement: records the state at the write, and applies what can change
   * the location from inside an expression (address taken, method calls on the struct).
   */
  private visitExpressions(stmt: Node, state: State): State {
    let s = state;
    const stack: Node[] = [stmt];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      if (n.type === 'func_literal') continue;
      if (n.type === 'index_expression' || n.type === 'call_expression') this.record(n, state);
      if (n.type === 'unary_expression' && n.child('operator')?.type === '&') {
        const operand = stripParens(n.child('operand') as Node);
        if (this.isTrackedVar(operand) || this.isTrackedMap(operand)) s = s === BOT ? BOT : INIT;
      }
      if (this.loc.field !== undefined && n.type === 'call_expression') {
        // A method call on the struct (or passing it along) may initialise the field.
        const fn = n.child('function');
        const recv = fn?.type === 'selector_expression' ? stripParens(fn.child('operand') as Node) : undefined;
        const args = n.child('arguments')?.namedChildren ?? [];
        if ((recv && this.isTrackedVar(recv)) || args.some((a) => this.isTrackedVar(stripParens(a)))) s = s === BOT ? BOT : INIT;
      }
      for (const c of n.children) stack.push(c);
    }
    return s;
  }

  private record(n: Node, s: State): void {
    this.states.set(n, join(this.states.get(n) ?? BOT, s));
  }

  private ifStatement(stmt: Node, state: State): State {
    let s = state;
    const init = stmt.child('initializer');
    if (init) s = this.statement(init, s);
    const cond = stmt.child('condition');
    if (cond) s = this.visitExpressions(cond, s);
    const [whenTrue, whenFalse] = cond ? this.refine(cond, s) : [s, s];
    const cons = stmt.child('consequence');
    const alt = stmt.child('alternative');
    const a = cons ? this.statement(cons, whenTrue) : whenTrue;
    const b = alt ? this.statement(alt, whenFalse) : whenFalse;
    return join(a, b);
  }

  /** States when `cond` is true / false, for conditions testing the location against nil. */
  private refine(cond: Node, s: State): [State, State] {
    const c = stripParens(cond);
    if (c.type === 'binary_expression') {
      const op = c.child('operator')?.type;
      const l = stripParens(c.child('left') as Node);
      const r = stripParens(c.child('right') as Node);
      if (op === '==' || op === '!=') {
        const subject = r.type === 'nil' ? l : l.type === 'nil' ? r : undefined;
        if (subject && this.isTrackedMap(subject)) {
          const isNil: State = s === BOT ? BOT : s === INIT ? BOT : NIL;
          const notNil: State = s === BOT ? BOT : s === NIL ? BOT : INIT;
          return op === '==' ? [isNil, notNil] : [notNil, isNil];
        }
        // len(m) > 0 and friends: a non-empty map is not nil.
      }
      if (op === '&&') {
        const [lt] = this.refine(l, s);
        const [rt] = this.refine(r, lt);
        return [rt, s];
      }
      if (op === '||') {
        const [, lf] = this.refine(l, s);
        const [, rf] = this.refine(r, lf);
        return [s, rf];
      }
      if ((op === '>' || op === '!=') && isLenOf(l, (x) => this.isTrackedMap(x)) && r.text === '0') {
        return [s === BOT ? BOT : INIT, s];
      }
    }
    if (c.type === 'unary_expression' && c.child('operator')?.type === '!') {
      const [t, f] = this.refine(c.child('operand') as Node, s);
      return [f, t];
    }
    return [s, s];
  }

  private forStatement(stmt: Node, state: State): State {
    let s = state;
    const clause = stmt.namedChildren.find((c) => c.type === 'for_clause');
    const range = stmt.namedChildren.find((c) => c.type === 'range_clause');
    const cond = clause?.child('condition') ?? stmt.namedChildren.find((c) => c.field !== 'body' && c.type !== 'for_clause' && c.type !== 'range_clause');
    const init = clause?.child('initializer');
    const update = clause?.child('update');
    if (init) s = this.statement(init, s);
    if (range) {
      s = this.visitExpressions(range, s);
      if (range.hasToken('=')) {
        for (const l of range.child('left')?.namedChildren ?? []) s = this.assign(l, undefined, '=', s);
      }
    }
    const infinite = !range && !cond;
    const label = stmt.parent?.type === 'labeled_statement' ? stmt.parent.child('label')?.text : undefined;
    const frame: LoopFrame = { node: stmt, label, breaks: BOT, continues: BOT };
    this.loops.push(frame);
    let head = s;
    let exitState: State = BOT;
    try {
      for (let i = 0; i < 5; i++) {
        frame.breaks = BOT;
        frame.continues = BOT;
        let h = head;
        if (cond) h = this.visitExpressions(cond, h);
        const [enter, leave] = cond ? this.refine(cond, h) : [h, h];
        const body = stmt.child('body');
        let end = body ? this.statement(body, enter) : enter;
        end = join(end, frame.continues);
        if (update && end !== BOT) end = this.statement(update, end);
        exitState = join(infinite ? BOT : leave, frame.breaks);
        const next = join(s, end);
        // Stable: the head with the back edges joined in is what the body just ran from.
        if (next === head) break;
        head = next;
      }
    } finally {
      this.loops.pop();
    }
    return exitState;
  }

  private switchStatement(stmt: Node, state: State): State {
    let s = state;
    const init = stmt.child('initializer');
    if (init) s = this.statement(init, s);
    const value = stmt.child('value');
    if (value) s = this.visitExpressions(value, s);
    const clauses = stmt.namedChildren.filter((c) => ['expression_case', 'default_case', 'type_case', 'communication_case'].includes(c.type));
    const hasDefault = clauses.some((c) => c.type === 'default_case');
    // A break inside a switch leaves the switch: model it as a one-shot loop frame.
    const frame: LoopFrame = { node: stmt, label: stmt.parent?.type === 'labeled_statement' ? stmt.parent.child('label')?.text : undefined, breaks: BOT, continues: BOT };
    const outer = this.loops.at(-1);
    this.loops.push(frame);
    let out: State = hasDefault || stmt.type === 'select_statement' ? BOT : s;
    try {
      for (const c of clauses) {
        let cs = s;
        const comm = c.child('communication');
        if (comm) cs = this.statement(comm, cs);
        const caseValues = c.child('value');
        if (caseValues) cs = this.visitExpressions(caseValues, cs);
        const list = c.namedChildren.find((x) => x.type === 'statement_list');
        const end = list ? this.block(list, cs) : cs;
        out = join(out, end);
      }
    } finally {
      this.loops.pop();
    }
    if (outer) outer.continues = join(outer.continues, frame.continues);
    return join(out, frame.breaks);
  }
}

/** The declaration of the package function or method a call invokes, if it is one of this package's. */
export function calleeDeclaration(model: PackageModel, call: Node): Node | undefined {
  const fn = call.child('function');
  if (!fn) return undefined;
  if (fn.type === 'identifier') {
    const sym = model.resolve(fn);
    return sym?.kind === 'func' && sym.decl?.type === 'function_declaration' ? sym.decl : undefined;
  }
  if (fn.type === 'selector_expression') {
    const recv = fn.child('operand');
    const name = fn.child('field')?.text;
    if (!recv || !name) return undefined;
    return model.methodOf(model.typeOf(recv), name)?.decl?.node;
  }
  return undefined;
}

const nilReturns = new WeakMap<Node, Map<number, boolean>>();

/**
 * Whether the function returns a nil map as result `i` on every path: each `return` gives `nil`
 * there, or the result is named, never assigned (nor its address taken) and returned bare.
 */
export function returnsNilMap(model: PackageModel, fn: Node, i: number): boolean {
  let byIndex = nilReturns.get(fn);
  if (!byIndex) nilReturns.set(fn, (byIndex = new Map()));
  const cached = byIndex.get(i);
  if (cached !== undefined) return cached;
  byIndex.set(i, false);
  const result = computeReturnsNil(model, fn, i);
  byIndex.set(i, result);
  return result;
}

function computeReturnsNil(model: PackageModel, fn: Node, i: number): boolean {
  const sig = model.typing.signatureOf(fn);
  const resultType = sig.results[i];
  if (!resultType || !asMap(resultType) || !fn.child('body')) return false;
  const named = namedResult(fn, i);
  const namedSym = named ? model.resolve(named) : undefined;
  const namedUntouched = namedSym !== undefined && !model.references(namedSym).some((r) => r !== namedSym.ident && writeKind(r) !== undefined);
  let returns = 0;
  const stack: Node[] = [fn.child('body') as Node];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'func_literal') continue;
    if (n.type === 'return_statement') {
      returns++;
      const values = n.namedChildren[0]?.namedChildren ?? [];
      if (values.length === 0) {
        if (!namedUntouched) return false;
        continue;
      }
      const v = values.length === sig.results.length ? values[i] : undefined;
      const e = v ? stripParens(v) : undefined;
      if (!e) return false;
      if (e.type === 'nil') continue;
      if (namedUntouched && e.type === 'identifier' && model.resolve(e) === namedSym) continue;
      return false;
    }
    for (const c of n.children) stack.push(c);
  }
  return returns > 0;
}

function namedResult(fn: Node, i: number): Node | undefined {
  const result = fn.child('result');
  if (result?.type !== 'parameter_list') return undefined;
  const names = result.namedChildren.filter((p) => p.type === 'parameter_declaration').flatMap((p) => p.childrenOf('name'));
  return names[i];
}

/** After `m[k] = v`: a nil map panicked there, so only the non-nil paths continue. */
function afterElementWrite(s: State): State {
  return s === NIL ? BOT : s === TOP ? INIT : s;
}

function isLenOf(e: Node, pred: (x: Node) => boolean): boolean {
  if (e.type !== 'call_expression' || e.child('function')?.text !== 'len') return false;
  const a = e.child('arguments')?.namedChildren ?? [];
  return a.length === 1 && pred(stripParens(a[0] as Node));
}

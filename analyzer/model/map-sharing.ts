/**
 * Is a map written at some point shared with code running at the same time?
 *
 * Three situations make an unguarded map write a race:
 * - the write runs in a goroutine (or handler) on a map other goroutines can reach: a package
 *   variable, a field reached through a captured or receiver value, a captured variable that the
 *   starting function keeps using or that several goroutines (started in a loop) share;
 * - the write runs in a function after it started a goroutine that uses the same map, and no
 *   `Wait()` separates them;
 * - the write is in a method on a struct field that the type's other methods only touch while
 *   holding a mutex of the struct ("inconsistent locking").
 */
import type { Node } from '../syntax/node.js';
import { concurrencyOfLiteral, concurrentContextOf, isInLoop, waitsBetween, type ConcurrentContext } from './goroutines.js';
import { lockName, locksHeldAt, type HeldLock } from './locks.js';
import { receiverInfo, type MethodDecl } from './package-index.js';
import type { PackageModel } from './package-model.js';
import { enclosingFunction } from './scopes.js';
import type { GoSymbol } from './symbols.js';
import { stripParens } from './typing.js';
import { derefPointer } from './types.js';

export function locksAt(model: PackageModel, n: Node): HeldLock[] {
  return locksHeldAt(n, (lit) => concurrencyOfLiteral(model, lit) !== undefined);
}

/** The variable at the root of an access path (`s` of `s.conns`, `m` of `m`, `p` of `(*p).m`). */
export function rootOf(expr: Node): { root: Node; isPath: boolean } {
  let e = stripParens(expr);
  let isPath = false;
  for (let i = 0; i < 32; i++) {
    if (e.type === 'selector_expression' || e.type === 'index_expression') {
      e = stripParens(e.child('operand') as Node);
      isPath = true;
    } else if (e.type === 'unary_expression' && e.child('operator')?.type === '*') {
      e = stripParens(e.child('operand') as Node);
    } else break;
  }
  return { root: e, isPath };
}

export interface GoroutineSharing {
  readonly context: ConcurrentContext;
  /** Why the map is shared, for the message. */
  readonly reason: string;
  readonly related: Node | undefined;
}

/** The write at `at` (on `map`) runs concurrently and the map is shared: why. */
export function sharedFromGoroutine(model: PackageModel, map: Node, at: Node): GoroutineSharing | undefined {
  const ctx = concurrentContextOf(model, at);
  if (!ctx) return undefined;
  // Handlers of a test's own mock server serve the requests the test makes, one at a time.
  if (ctx.kind === 'handler' && isTestFile(at)) return undefined;
  const { root, isPath } = rootOf(map);
  if (root.type !== 'identifier') return undefined;
  const sym = model.resolve(root);
  if (!sym || sym.kind !== 'var') return undefined;
  const what = ctx.kind === 'handler' ? 'an HTTP handler, which runs on many goroutines at once' : ctx.kind === 'go' ? 'a goroutine' : `a goroutine started with ${ctx.kind === 'errgroup' ? 'errgroup' : 'WaitGroup'}.Go`;
  if (sym.role === 'package') return { context: ctx, reason: `${sym.name} is a package-level variable written from ${what}`, related: undefined };
  const declaredInside = sym.ident !== undefined && ctx.fn.contains(sym.ident);
  if (declaredInside) {
    // A handler's receiver is the long-lived server value shared by all requests.
    if (ctx.kind === 'handler' && sym.role === 'receiver' && isPath) return { context: ctx, reason: `the map is a field of the handler's receiver ${sym.name}, shared by concurrent requests`, related: undefined };
    return undefined;
  }
  if (isPath) return { context: ctx, reason: `the map is reached through ${sym.name}, which ${what} shares with the code that started it`, related: ctx.start };
  if (ctx.kind === 'handler') return { context: ctx, reason: `${sym.name} is captured by ${what}`, related: ctx.start };
  const loop = isInLoop(ctx.start, ctx.parent);
  if (loop && !(sym.ident && loop.contains(sym.ident))) {
    return { context: ctx, reason: `${sym.name} is captured by ${what}, started in a loop so that several run at the same time`, related: ctx.start };
  }
  const other = usedWhileRunning(model, sym, ctx);
  if (other) {
    const line = model.fileOf(other).lines.position(other.start).line;
    return { context: ctx, reason: `${sym.name} is captured by ${what} and also used by the code that started it (line ${line})`, related: other };
  }
  return undefined;
}

/** A reference to `sym` outside the concurrent function that can run while it does. */
function usedWhileRunning(model: PackageModel, sym: GoSymbol, ctx: ConcurrentContext): Node | undefined {
  const loop = isInLoop(ctx.start, ctx.parent);
  for (const ref of model.references(sym)) {
    if (ref === sym.ident || ctx.fn.contains(ref)) continue;
    const inOtherGoroutine = concurrentContextOf(model, ref);
    if (inOtherGoroutine && inOtherGoroutine.fn !== ctx.fn) return ref;
    const after = ref.start >= ctx.start.end || (loop !== undefined && loop.contains(ref));
    if (after && !waitsBetween(ctx.start, ref)) return ref;
  }
  return undefined;
}

/**
 * For a write at `at` that is not itself in a goroutine: a goroutine started earlier in the same
 * function that uses the same local map, with no Wait() in between.
 */
export function racingGoroutine(model: PackageModel, map: Node, at: Node): ConcurrentContext | undefined {
  if (concurrentContextOf(model, at)) return undefined;
  const e = stripParens(map);
  if (e.type !== 'identifier') return undefined;
  const sym = model.resolve(e);
  if (!sym || sym.kind !== 'var' || sym.role === 'package' || !sym.owner) return undefined;
  const fn = enclosingFunction(at);
  // The goroutine must be started in this function: by a go statement, a Go/TryGo call or a
  // HandleFunc/HandlerFunc registration, each of which spells one of these words in its text.
  if (!fn || !mayStartConcurrently(fn)) return undefined;
  for (const lit of literalsUsing(model, sym)) {
    if (lit === fn) continue;
    const ctx = concurrencyOfLiteral(model, lit);
    if (!ctx || ctx.parent !== fn) continue;
    const loop = isInLoop(ctx.start, fn);
    const startsBefore = ctx.start.end <= at.start || (loop !== undefined && loop.contains(at));
    if (startsBefore && !waitsBetween(ctx.start, at)) return ctx;
  }
  return undefined;
}

const STARTS_CONCURRENT = /\bgo\b|Go\b|Handle(?:r)?Func\b/;
/** Per function: a long function writing many maps asks once, not once per write. */
const startsConcurrently = new WeakMap<Node, boolean>();

function mayStartConcurrently(fn: Node): boolean {
  let r = startsConcurrently.get(fn);
  if (r === undefined) startsConcurrently.set(fn, (r = STARTS_CONCURRENT.test(fn.text)));
  return r;
}

export interface MethodGoroutine {
  /** The `go x.M(...)` statement starting the method. */
  readonly start: Node;
  /** Another method of the type that touches the same field. */
  readonly otherMethod: string;
}

/**
 * The write at `at` is on a field `recv.f` in a method that the package starts as a goroutine
 * (`go s.loop()`), while another method of the type also uses `f`, and no lock is involved.
 */
export function methodRunAsGoroutine(model: PackageModel, map: Node, at: Node): MethodGoroutine | undefined {
  const method = enclosingMethod(at);
  const info = method ? receiverInfo(method) : undefined;
  const e = stripParens(map);
  if (!method || !info?.receiverName || e.type !== 'selector_expression') return undefined;
  const operand = stripParens(e.child('operand') as Node);
  const field = e.child('field')?.text;
  if (operand.type !== 'identifier' || !field || model.resolve(operand)?.role !== 'receiver') return undefined;
  // A package without the word `go` has no go statement to start the method with.
  if (!model.textIncludes('go')) return undefined;
  const name = method.child('name')?.text ?? '';
  const start = model.methodCallsNamed([name]).find((c) => {
    if (c.parent?.type !== 'go_statement' || isTestFile(c)) return false;
    const recv = c.child('function')?.child('operand');
    const t = recv ? derefPointer(model.typeOf(recv)) : undefined;
    return t?.kind === 'named' && t.pkg === '' && t.name === info.typeName;
  });
  if (!start) return undefined;
  for (const m of model.index.methodsOf(info.typeName)?.values() ?? []) {
    if (m.node !== method && receiverFieldAccesses(model, m, field).length > 0) return { start: start.parent as Node, otherMethod: m.name };
  }
  return undefined;
}

/** The selectors `recv.field` on the method's own receiver. */
function receiverFieldAccesses(model: PackageModel, m: MethodDecl, field: string): Node[] {
  if (!m.receiverName) return [];
  return model.identifiers(field, m.node).flatMap((f) => {
    const sel = f.parent;
    if (f.type !== 'field_identifier' || sel?.type !== 'selector_expression') return [];
    const op = stripParens(sel.child('operand') as Node);
    return op.type === 'identifier' && op.text === m.receiverName && model.resolve(op)?.role === 'receiver' ? [sel] : [];
  });
}

/**
 * The function literals that refer to `sym` directly, once per symbol: a long function writing
 * one map many times asks for each write.
 */
const literalsBySymbol = new WeakMap<GoSymbol, Node[]>();

function literalsUsing(model: PackageModel, sym: GoSymbol): Node[] {
  let lits = literalsBySymbol.get(sym);
  if (!lits) {
    const found = new Set<Node>();
    for (const ref of model.references(sym)) {
      const lit = enclosingFunction(ref);
      if (lit && lit.type === 'func_literal') found.add(lit);
    }
    lits = [...found];
    literalsBySymbol.set(sym, lits);
  }
  return lits;
}

export interface InconsistentLocking {
  /** The lock the other methods hold, as they write it. */
  readonly lock: string;
  /** The method that accesses the field under the lock, and the Lock call there. */
  readonly otherMethod: string;
  readonly lockCall: Node;
}

const LOCK_HELD_DOC = /\b(must|should)\s+(be\s+)?(hold|held|have|own)|\b(is|are|be)\s+held\b|\bheld\s+by\s+the\s+caller|\bcaller\s+(must\s+)?(holds?|has|owns|locks?)\b|\bcalled\s+with\b.*\b(lock|mutex|mu)\b|\brequires?\b.*\b(lock|mutex)\b|\bwith\s+\S*\s*(lock|mutex|mu)\s+(held|locked|acquired)|\bunder\s+(the\s+)?\S*\s*(lock|mutex)\b|\blocked\s+by\s+the\s+caller|\bassumes?\b.*\b(lock|mutex)\b/i;

/**
 * The write at `at` is on a field `recv.f` in a method of T holding no lock, while T's other
 * methods access `f` holding a mutex.
 */
export function inconsistentLocking(model: PackageModel, map: Node, at: Node): InconsistentLocking | undefined {
  const method = enclosingMethod(at);
  if (!method) return undefined;
  const info = receiverInfo(method);
  const e = stripParens(map);
  if (!info?.receiverName || e.type !== 'selector_expression') return undefined;
  const operand = stripParens(e.child('operand') as Node);
  const field = e.child('field')?.text;
  if (operand.type !== 'identifier' || !field) return undefined;
  const recvSym = model.resolve(operand);
  if (recvSym?.role !== 'receiver' || recvSym.owner !== method) return undefined;
  // Every lock operation (Lock, RLock, TryLock, ...) spells `Lock`: a package that never does
  // has no locking discipline to break. The cheaper question (do other methods lock around the
  // field?) goes before the one that searches the package for this method's callers.
  if (!model.textIncludes('Lock')) return undefined;
  const guarded = guardedAccesses(model, info.typeName, field, method);
  if (!guarded || runsWithLockHeld(model, info.typeName, method)) return undefined;
  return guarded;
}

/**
 * A method that runs with the lock already held: named `...Locked`, documented so ("must be
 * called with mu held"), or only ever called where a lock is held.
 */
function runsWithLockHeld(model: PackageModel, typeName: string, method: Node): boolean {
  const name = method.child('name')?.text ?? '';
  if (/Locked$/.test(name) && !/Unlocked$/.test(name)) return true;
  if (LOCK_HELD_DOC.test(docComment(model, method))) return true;
  return calledOnlyWithLock(model, typeName, name, 0);
}

/** The method declaration around `n`, through synchronous closures only. */
function enclosingMethod(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'method_declaration') return p;
    if (p.type === 'function_declaration') return undefined;
  }
  return undefined;
}

/** The comment lines directly above a declaration. */
export function docComment(model: PackageModel, decl: Node): string {
  const file = model.fileOf(decl);
  const lines = file.lines;
  let line = lines.lineOf(decl.start) - 1;
  const out: string[] = [];
  for (; line >= 0; line--) {
    const t = lines.lineText(line).trim();
    if (!t.startsWith('//')) break;
    out.unshift(t.slice(2));
  }
  return out.join(' ');
}

/**
 * The lock that T's other methods consistently hold when they access `recv.field`: at least one
 * access, and every access in another method made while holding a lock of the receiver (a type
 * whose other accesses are unguarded too has no locking discipline to be inconsistent with).
 */
function guardedAccesses(model: PackageModel, typeName: string, field: string, exclude: Node): InconsistentLocking | undefined {
  const methods = model.index.methodsOf(typeName);
  if (!methods) return undefined;
  let found: InconsistentLocking | undefined;
  for (const m of methods.values()) {
    if (m.node === exclude || !m.receiverName) continue;
    let exempt: boolean | undefined;
    for (const sel of receiverFieldAccesses(model, m, field)) {
      const lock = locksAt(model, sel).find((l) => l.name === m.receiverName || l.name.startsWith(`${m.receiverName}.`));
      if (!lock) {
        exempt ??= runsWithLockHeld(model, typeName, m.node);
        if (exempt) continue;
        return undefined;
      }
      if (!lock.maybe) found ??= { lock: lock.name, otherMethod: m.name, lockCall: lock.call };
    }
  }
  return found;
}

/**
 * Every call of method `name` on a `typeName` value in the package holds a lock (or is on a value
 * the caller has just built and not yet shared), and there is at least one call.
 */
function calledOnlyWithLock(model: PackageModel, typeName: string, name: string, depth: number): boolean {
  const calls = model.methodCallsNamed([name]).filter((c) => {
    const recv = c.child('function')?.child('operand');
    const t = recv ? derefPointer(model.typeOf(recv)) : undefined;
    return t?.kind === 'named' && t.pkg === '' && t.name === typeName;
  });
  // Tests call helpers directly, on values no other goroutine sees: they say nothing about the
  // locking the package's own callers do.
  const production = calls.filter((c) => !isTestFile(c));
  if (production.length === 0) return false;
  return production.every((c) => {
    const recv = stripParens(c.child('function')?.child('operand') as Node);
    // A lock of the value the method is called on (`r.mu` for `r.evict()`), not just any lock.
    const recvName = lockName(recv);
    if (locksAt(model, c).some((l) => l.name === recvName || l.name.startsWith(`${recvName}.`))) return true;
    if (recv.type === 'identifier' && isFreshLocal(model, model.resolve(recv), c)) return true;
    const caller = enclosingMethod(c);
    const callerName = caller?.child('name')?.text ?? '';
    if (caller && /Locked$/.test(callerName)) return true;
    if (caller && LOCK_HELD_DOC.test(docComment(model, caller))) return true;
    // Called on the caller's own receiver from a method that itself only runs with the lock held.
    if (caller && depth < 2 && recv.type === 'identifier' && model.resolve(recv)?.role === 'receiver') {
      const callerType = receiverInfo(caller)?.typeName;
      if (callerType === typeName && callerName !== name && calledOnlyWithLock(model, callerType, callerName, depth + 1)) return true;
    }
    return false;
  });
}

function isTestFile(n: Node): boolean {
  return (n.source as { path?: string }).path?.endsWith('_test.go') ?? false;
}

/**
 * A value the function has just built and not shared yet: a local (or named result) every
 * assignment of which before `at` is a composite literal, `new(T)`, or a call of a package
 * constructor (`newT(...)`, `NewT(...)`) — as a constructor does before returning it.
 */
function isFreshLocal(model: PackageModel, sym: GoSymbol | undefined, at: Node): boolean {
  if (!sym || (sym.role !== 'local' && sym.role !== 'result') || !sym.decl) return false;
  const sources: Node[] = [];
  if (sym.role === 'local') {
    const values = (sym.decl.type === 'short_var_declaration' ? sym.decl.child('right') : sym.decl.child('value'))?.namedChildren ?? [];
    const v = values[sym.index];
    if (v) sources.push(v);
  }
  for (const ref of model.references(sym)) {
    if (ref === sym.ident || ref.start >= at.start) continue;
    const list = ref.parent;
    const stmt = list?.parent;
    if (list?.type === 'expression_list' && list.field === 'left' && stmt?.type === 'assignment_statement') {
      const i = list.namedChildren.indexOf(ref);
      const right = stmt.child('right')?.namedChildren ?? [];
      const v = right.length === list.namedChildren.length ? right[i] : undefined;
      if (!v) return false;
      sources.push(v);
    }
  }
  if (sources.length === 0) return sym.decl.type === 'var_spec';
  return sources.every(isFreshValue);
}

function isFreshValue(v: Node): boolean {
  let e = stripParens(v);
  if (e.type === 'unary_expression' && e.child('operator')?.type === '&') e = stripParens(e.child('operand') as Node);
  if (e.type === 'composite_literal') return true;
  if (e.type !== 'call_expression') return false;
  const fn = e.child('function');
  if (fn?.type !== 'identifier') return false;
  return fn.text === 'new' || /^[nN]ew[A-Z_]?/.test(fn.text);
}

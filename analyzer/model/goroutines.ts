/**
 * Goroutine boundaries: code that runs concurrently with the code around it.
 *
 * - a function literal started with `go func() { ... }()`;
 * - a function literal passed to `errgroup.Group.Go` or `sync.WaitGroup.Go`;
 * - an HTTP handler: a literal passed to `HandleFunc(pattern, f)` / `http.HandlerFunc(f)`, and any
 *   function or method with the handler signature `(http.ResponseWriter, *http.Request)` — the
 *   server calls it on many goroutines at once.
 */
import type { Node } from '../syntax/node.js';
import type { PackageModel } from './package-model.js';
import { isFunctionNode } from './scopes.js';
import { isNamed, type Type } from './types.js';

export type ConcurrencyKind = 'go' | 'errgroup' | 'waitgroup' | 'handler';

export interface ConcurrentContext {
  readonly kind: ConcurrencyKind;
  /** The function literal or declaration that runs concurrently. */
  readonly fn: Node;
  /** Where it is started or registered (the go statement, the Go/HandleFunc call); the function itself for handler declarations. */
  readonly start: Node;
  /** The function in which it is started (undefined for handler declarations). */
  readonly parent: Node | undefined;
}

/** How a function literal runs, if concurrently. */
export function concurrencyOfLiteral(model: PackageModel, lit: Node): ConcurrentContext | undefined {
  const call = lit.parent;
  // go func() { ... }()
  if (call?.type === 'call_expression' && lit.field === 'function' && call.parent?.type === 'go_statement') {
    return { kind: 'go', fn: lit, start: call.parent, parent: model.enclosingFunction(call.parent) };
  }
  const args = lit.parent;
  const outer = args?.parent;
  if (args?.type !== 'argument_list' || outer?.type !== 'call_expression') return undefined;
  const fn = outer.child('function');
  if (fn?.type === 'selector_expression') {
    const name = fn.child('field')?.text ?? '';
    const recv = fn.child('operand') as Node;
    if (name === 'Go' || name === 'TryGo') {
      const t = model.typeOf(recv);
      if (isNamed(t, 'golang.org/x/sync/errgroup', 'Group', true)) return { kind: 'errgroup', fn: lit, start: outer, parent: model.enclosingFunction(outer) };
      if (isNamed(t, 'sync', 'WaitGroup', true)) return { kind: 'waitgroup', fn: lit, start: outer, parent: model.enclosingFunction(outer) };
      return undefined;
    }
    if ((name === 'HandleFunc' || name === 'HandlerFunc') && isHandlerLiteral(model, lit)) {
      return { kind: 'handler', fn: lit, start: outer, parent: model.enclosingFunction(outer) };
    }
  }
  if (fn?.type === 'identifier' && fn.text === 'HandleFunc' && isHandlerLiteral(model, lit)) {
    return { kind: 'handler', fn: lit, start: outer, parent: model.enclosingFunction(outer) };
  }
  return undefined;
}

/** Whether a function literal or declaration has the signature of an HTTP handler. */
function isHandlerLiteral(model: PackageModel, fn: Node): boolean {
  const sig = model.typing.signatureOf(fn);
  return sig.params.length === 2 && isNamed(sig.params[0] as Type, 'net/http', 'ResponseWriter') && isNamed(sig.params[1] as Type, 'net/http', 'Request', true);
}

/**
 * The concurrent context `n` runs in, if any: the innermost goroutine/handler literal around it
 * (through synchronous closures), or a handler function declaration.
 */
export function concurrentContextOf(model: PackageModel, n: Node): ConcurrentContext | undefined {
  for (let p = n.parent; p; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    if (p.type === 'func_literal') {
      const c = concurrencyOfLiteral(model, p);
      if (c) return c;
      continue;
    }
    if (isHandlerLiteral(model, p)) return { kind: 'handler', fn: p, start: p, parent: undefined };
    return undefined;
  }
  return undefined;
}

/** Whether `stmt` sits in a loop within `fn` (so it starts many goroutines). */
export function isInLoop(stmt: Node, fn: Node | undefined): Node | undefined {
  for (let p = stmt.parent; p && p !== fn; p = p.parent) {
    if (p.type === 'for_statement') return p;
    if (isFunctionNode(p)) return undefined;
  }
  return undefined;
}

/** `x.Wait()` calls (WaitGroup / errgroup) that run between `from` and `to` in the same function. */
export function waitsBetween(from: Node, to: Node): boolean {
  const fn = enclosingFn(to);
  if (!fn || enclosingFn(from) !== fn) return false;
  const stack: Node[] = [fn];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n !== fn && isFunctionNode(n)) continue;
    if (n.start >= to.start) continue;
    if (n.end <= from.start) continue;
    if (n.type === 'call_expression' && n.start >= from.end) {
      const f = n.child('function');
      if (f?.type === 'selector_expression' && f.child('field')?.text === 'Wait' && (n.child('arguments')?.namedChildren.length ?? 0) === 0 && isStatementOnPath(n, to)) return true;
    }
    for (const c of n.children) stack.push(c);
  }
  return false;
}

function enclosingFn(n: Node): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (isFunctionNode(p)) return p;
  return undefined;
}

/** The call's statement is in a statement list that also (transitively) contains `to`. */
function isStatementOnPath(call: Node, to: Node): boolean {
  let stmt: Node = call;
  while (stmt.parent && stmt.parent.type !== 'statement_list') stmt = stmt.parent;
  const list = stmt.parent;
  return list !== null && list !== undefined && list.start <= to.start && to.end <= list.end;
}

/**
 * Which mutexes are held at a point of a function.
 *
 * Follows the statements that run before the point along its path from the function's start:
 * `x.Lock()` / `x.RLock()` acquire, a later `x.Unlock()` / `x.RUnlock()` on the same path releases,
 * `defer x.Unlock()` releases only at return. A lock taken inside an earlier branch (an `if`, a
 * loop) counts as possibly held — the rules that use this report the *absence* of a lock, so
 * "possibly held" errs on the side of silence. A synchronous closure (not started with `go`, not
 * a handler) sees the locks held where it is written; a goroutine starts with none.
 */
import type { Node } from '../syntax/node.js';
import { isFunctionNode } from './scopes.js';
import { stripParens } from './typing.js';

export type LockMode = 'write' | 'read';

export interface HeldLock {
  /** The lock expression as written, normalised (`s.mu`, `mu`, `s` for an embedded mutex). */
  readonly name: string;
  readonly mode: LockMode;
  /** The Lock/RLock call. */
  readonly call: Node;
  /** Taken in an earlier branch, so only possibly held on this path. */
  readonly maybe: boolean;
}

export interface LockCall {
  readonly call: Node;
  readonly receiver: Node;
  readonly op: 'Lock' | 'RLock' | 'Unlock' | 'RUnlock' | 'TryLock' | 'TryRLock';
}

const LOCK_OPS = new Set(['Lock', 'RLock', 'Unlock', 'RUnlock', 'TryLock', 'TryRLock']);

/** `x.Lock()` and friends (any receiver type: a Locker is a lock). */
export function asLockCall(e: Node): LockCall | undefined {
  const call = stripParens(e);
  if (call.type !== 'call_expression') return undefined;
  const fn = call.child('function');
  const args = call.child('arguments')?.namedChildren ?? [];
  if (fn?.type !== 'selector_expression' || args.length !== 0) return undefined;
  const op = fn.child('field')?.text ?? '';
  const receiver = fn.child('operand');
  if (!LOCK_OPS.has(op) || !receiver) return undefined;
  return { call, receiver, op: op as LockCall['op'] };
}

export function lockName(receiver: Node): string {
  return stripParens(receiver).text.replace(/\s+/g, '').replace(/^\(\*?(.*)\)$/, '$1').replace(/^&/, '');
}

/**
 * Predicate deciding whether a function literal runs concurrently with the code around it (a
 * goroutine or a handler): such literals do not inherit the locks held where they are written.
 */
export type IsConcurrentLiteral = (fn: Node) => boolean;

export function locksHeldAt(point: Node, isConcurrent: IsConcurrentLiteral): HeldLock[] {
  const held = new Map<string, HeldLock>();
  // The chain of enclosing functions, innermost first, stopping at a concurrent one.
  const chain: Node[] = [];
  for (let p = point.parent; p; p = p.parent) {
    if (!isFunctionNode(p)) continue;
    chain.push(p);
    if (p.type !== 'func_literal' || isConcurrent(p)) break;
  }
  // Locks held where each synchronous closure is written, from the outermost function inwards.
  let at: Node = point;
  const points: Array<[Node, Node]> = [];
  for (const fn of chain) {
    points.push([fn, at]);
    at = fn;
  }
  for (let i = points.length - 1; i >= 0; i--) {
    const [fn, target] = points[i] as [Node, Node];
    // Nothing to follow in a function whose text before the point takes no lock.
    if (!mentionsLock(fn.source.text, fn.start, target.start)) continue;
    applyPath(fn, target, held);
  }
  return [...held.values()];
}

/** Whether `text[from, to)` contains a Lock/RLock/TryLock call at all (a cheap pre-check). */
function mentionsLock(text: string, from: number, to: number): boolean {
  const i = text.indexOf('Lock', from);
  return i >= 0 && i < to;
}

/** Applies the lock operations that run in `fn` before `target` to `held`. */
function applyPath(fn: Node, target: Node, held: Map<string, HeldLock>): void {
  const path: Node[] = [];
  for (let n: Node | null = target; n && n !== fn; n = n.parent) path.push(n);
  path.reverse();
  for (let i = 0; i < path.length; i++) {
    const node = path[i] as Node;
    const parent = node.parent;
    if (!parent) continue;
    if (parent.type === 'statement_list') {
      for (const s of lockStatements(parent)) {
        if (s.start >= node.start) break;
        applyStatement(s, held);
      }
    }
    // if x.TryLock() { <here> }
    if (parent.type === 'if_statement' && node.field === 'consequence') {
      const cond = parent.child('condition');
      const lc = cond ? asLockCall(cond) : undefined;
      if (lc && (lc.op === 'TryLock' || lc.op === 'TryRLock')) {
        held.set(lockName(lc.receiver), { name: lockName(lc.receiver), mode: lc.op === 'TryLock' ? 'write' : 'read', call: lc.call, maybe: false });
      }
    }
  }
}

/**
 * The statements of a list that can change which locks are held: every lock operation is a call
 * of a method whose name contains "Lock" or "lock" (Unlock), so a statement whose text has neither
 * does nothing. Listed
 * once per statement list, so that asking at every write of a long function stays linear.
 */
const lockStatementsByList = new WeakMap<Node, Node[]>();
const LOCKISH = /[Ll]ock/;

function lockStatements(list: Node): Node[] {
  let out = lockStatementsByList.get(list);
  if (!out) {
    const text = list.source.text;
    out = [];
    for (const s of list.children) {
      if (!s.named || s.type === 'comment') continue;
      if (LOCKISH.test(text.slice(s.start, s.end))) out.push(s);
    }
    lockStatementsByList.set(list, out);
  }
  return out;
}

function applyStatement(s: Node, held: Map<string, HeldLock>): void {
  if (s.type === 'expression_statement') {
    const lc = asLockCall(s.namedChildren[0] as Node);
    if (lc) {
      applyLockCall(lc, held, false);
      return;
    }
  }
  if (s.type === 'defer_statement' || s.type === 'go_statement') return;
  // A compound statement: locks taken inside it (and not released inside it) may still be held.
  if (!isCompound(s) || !mentionsLock(s.source.text, s.start, s.end)) return;
  const stack: Node[] = [s];
  while (stack.length > 0) {
    const n = stack.pop() as Node;
    if (n.type === 'func_literal') continue;
    if (n.type === 'expression_statement') {
      const lc = asLockCall(n.namedChildren[0] as Node);
      if (lc && (lc.op === 'Lock' || lc.op === 'RLock')) applyLockCall(lc, held, true);
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
}

function isCompound(s: Node): boolean {
  return ['if_statement', 'for_statement', 'expression_switch_statement', 'type_switch_statement', 'select_statement', 'block', 'labeled_statement'].includes(s.type);
}

function applyLockCall(lc: LockCall, held: Map<string, HeldLock>, maybe: boolean): void {
  const name = lockName(lc.receiver);
  switch (lc.op) {
    case 'Lock':
      held.set(name, { name, mode: 'write', call: lc.call, maybe });
      break;
    case 'RLock':
      if (held.get(name)?.mode !== 'write') held.set(name, { name, mode: 'read', call: lc.call, maybe });
      break;
    case 'Unlock':
    case 'RUnlock':
      if (!maybe) held.delete(name);
      break;
    default:
      break;
  }
}

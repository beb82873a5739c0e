/**
 * Control-flow facts that syntax can establish: which statement an expression belongs to, whether
 * a statement always leaves the function or a loop, what runs after a statement within a loop.
 */
import type { Node } from '../syntax/node.js';
import { stripParens } from './typing.js';

const STATEMENT_PARENTS = new Set(['statement_list']);

/** The statement (a direct child of a statement list) containing `n`, if any within its function. */
export function enclosingStatement(n: Node): Node | undefined {
  let cur: Node = n;
  for (let p = n.parent; p; cur = p, p = p.parent) {
    if (STATEMENT_PARENTS.has(p.type)) return cur;
    if (p.type === 'func_literal' || p.type === 'function_declaration' || p.type === 'method_declaration') return undefined;
  }
  return undefined;
}

/** Calls that never return: panic, os.Exit, log.Fatal*, log.Panic*, runtime.Goexit, t.Fatal*, t.Skip*, t.FailNow. */
export function isNoReturnCall(call: Node): boolean {
  const e = stripParens(call);
  if (e.type !== 'call_expression') return false;
  const fn = e.child('function');
  if (!fn) return false;
  if (fn.type === 'identifier') return fn.text === 'panic';
  if (fn.type !== 'selector_expression') return false;
  const recv = fn.child('operand')?.text ?? '';
  const name = fn.child('field')?.text ?? '';
  if (recv === 'os' && name === 'Exit') return true;
  if (recv === 'runtime' && name === 'Goexit') return true;
  if ((recv === 'log' || recv === 'klog' || recv === 'glog') && /^(Fatal|Panic|Exit)/.test(name)) return true;
  if (/^(Fatal|Fatalf|FailNow|Skip|Skipf|SkipNow)$/.test(name) && /^(t|b|f|tb)$/.test(recv)) return true;
  return false;
}

/** A statement after which control never reaches the next statement (return, panic, goto, ...). */
export function isTerminatingStatement(s: Node): boolean {
  switch (s.type) {
    case 'return_statement':
    case 'goto_statement':
      return true;
    case 'expression_statement': {
      const e = s.namedChildren[0];
      return e !== undefined && isNoReturnCall(e);
    }
    case 'block': {
      const list = s.namedChildren.find((c) => c.type === 'statement_list');
      const last = list?.namedChildren.at(-1);
      return last !== undefined && isTerminatingStatement(last);
    }
    case 'if_statement': {
      const alt = s.child('alternative');
      const cons = s.child('consequence');
      return alt !== undefined && cons !== undefined && isTerminatingStatement(cons) && isTerminatingStatement(alt);
    }
    default:
      return false;
  }
}

/**
 * Whether, once `stmt` (inside the body of `loop`) has run, the current iteration can only end
 * the loop: a `break` of this loop, a `return`, a `panic`, ... follows unconditionally before the
 * end of the body. A `continue` or reaching the end of the body means another iteration.
 */
export function leavesLoopAfter(stmt: Node, loop: Node): boolean {
  const loopLabel = loop.parent?.type === 'labeled_statement' ? loop.parent.child('label')?.text : undefined;
  let cur: Node = stmt;
  for (let list = cur.parent; list && list !== loop; cur = list, list = list.parent) {
    if (list.type === 'for_statement' || list.type === 'func_literal') return false; // inner loop / closure
    if (list.type !== 'statement_list') continue;
    const siblings = list.namedChildren;
    const i = siblings.indexOf(cur);
    for (let j = i + 1; j < siblings.length; j++) {
      const s = siblings[j] as Node;
      if (s.type === 'continue_statement') return false;
      if (s.type === 'break_statement') {
        const label = s.namedChildren.find((c) => c.type === 'label_name')?.text;
        if (label) return label === loopLabel || !isLabelOfInnerStatement(label, stmt, loop);
        // An unlabeled break inside a switch or select breaks that statement, not the loop.
        return !hasBreakableBetween(list, loop);
      }
      if (isTerminatingStatement(s)) return true;
    }
  }
  return false;
}

function hasBreakableBetween(inner: Node, loop: Node): boolean {
  for (let p = inner.parent; p && p !== loop; p = p.parent) {
    if (p.type === 'expression_switch_statement' || p.type === 'type_switch_statement' || p.type === 'select_statement') return true;
  }
  return false;
}

/** Whether `label` names a statement between `inner` and `loop` (so breaking it stays in the loop). */
function isLabelOfInnerStatement(label: string, inner: Node, loop: Node): boolean {
  for (let p = inner.parent; p && p !== loop; p = p.parent) {
    if (p.type === 'labeled_statement' && p.child('label')?.text === label) return true;
  }
  return false;
}

/** The top-level function or method declaration containing `n`. */
export function topLevelFunction(n: Node): Node | undefined {
  let found: Node | undefined;
  for (let p = n.parent; p; p = p.parent) if (p.type === 'function_declaration' || p.type === 'method_declaration') found = p;
  return found;
}

function isTestFile(n: Node): boolean {
  return (n.source as { path?: string }).path?.endsWith('_test.go') ?? false;
}

/**
 * Test code that is about map iteration itself (`TestIterGrowAndDelete`, `TestMapRangeOrder`):
 * it mutates maps while ranging on purpose, to probe what the spec allows.
 */
export function isIterationSemanticsTest(n: Node): boolean {
  if (!isTestFile(n)) return false;
  const name = topLevelFunction(n)?.child('name')?.text ?? '';
  return /^(Test|Benchmark|Fuzz|test|bench|fuzz)\w*(Iter|Range|Grow|Order|Mutat)/.test(name);
}

/**
 * Code written to panic on purpose: inside a function named for panics or crashes, or one that
 * recovers or asserts a panic (`recover()`, `shouldPanic(...)`).
 */
export function isDeliberatePanicContext(n: Node): boolean {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type !== 'function_declaration' && p.type !== 'method_declaration' && p.type !== 'func_literal') continue;
    if (panicsOnPurpose(p)) return true;
  }
  return false;
}

/** Per function: asked once per write, and a long function has many writes (memoized). */
const panicFunctions = new WeakMap<Node, boolean>();

function panicsOnPurpose(fn: Node): boolean {
  let verdict = panicFunctions.get(fn);
  if (verdict === undefined) {
    const name = fn.child('name')?.text ?? '';
    const text = fn.source.text.slice(fn.start, fn.end);
    verdict = /[Pp]anic|Crash|[Rr]ecover/.test(name) || /\brecover\(\)|\b(should|must|expect|assert|require)[A-Za-z]*Panic/i.test(text);
    panicFunctions.set(fn, verdict);
  }
  return verdict;
}

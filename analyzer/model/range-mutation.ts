/**
 * Mutations of a map while it is being ranged over, and whether their effect depends on the
 * iteration order (Go spec: an entry removed before it is reached is not produced; an entry added
 * during iteration may or may not be produced).
 *
 * A mutation is order-independent when it touches the current entry (the loop's key, or a key
 * read off the loop's value, e.g. `delete(m, v.name)` in `for _, v := range m`), or when the
 * iteration cannot continue after it (a `break`, `return` or `panic` follows in the same branch).
 */
import type { Node } from '../syntax/node.js';
import { enclosingStatement, isIterationSemanticsTest, leavesLoopAfter } from './control.js';
import type { PackageModel, RangeLoop } from './package-model.js';
import type { GoSymbol } from './symbols.js';
import { stripParens } from './typing.js';
import { isNamed } from './types.js';

/**
 * The range loop over `map` in which mutating key `key` (at `at`) is order-dependent, if any.
 * For insertions (`inserting`), two more shapes are order-independent: re-keying the current
 * entry with an idempotent normalisation (`m[strings.ToLower(k)] = v`: visiting the new key
 * again changes nothing), and putting back a key that a traversal helper of the loop removed.
 */
export function orderDependentRange(model: PackageModel, map: Node, key: Node, at: Node, inserting = false): RangeLoop | undefined {
  if (isIterationSemanticsTest(at)) return undefined;
  const stmt = enclosingStatement(at);
  for (const loop of model.enclosingRanges(at)) {
    if (!model.mapTypeOf(loop.iterated) || !model.sameRef(loop.iterated, map)) continue;
    if (namesCurrentEntry(model, key, loop.keyVar, loop.valueVar)) continue;
    if (stmt && leavesLoopAfter(stmt, loop.node)) continue;
    if (inserting && (normalisesCurrentKey(model, key, loop) || putBackByTraversal(model, key, map))) continue;
    return loop;
  }
  return undefined;
}

/** Idempotent key normalisations: f(f(x)) == f(x). */
const IDEMPOTENT: Record<string, readonly string[]> = {
  strings: ['ToLower', 'ToUpper', 'ToTitle', 'TrimSpace', 'TrimSuffix', 'TrimPrefix', 'Trim', 'TrimLeft', 'TrimRight'],
  bytes: ['ToLower', 'ToUpper', 'TrimSpace', 'TrimSuffix', 'TrimPrefix', 'Trim', 'TrimLeft', 'TrimRight'],
  path: ['Clean'],
  'path/filepath': ['Clean', 'ToSlash', 'FromSlash'],
};

/** `strings.ToLower(k)` (possibly through a local copy) of the current key. */
function normalisesCurrentKey(model: PackageModel, key: Node, loop: RangeLoop): boolean {
  const call = throughLocalCopies(model, key);
  if (call.type !== 'call_expression') return false;
  const fn = call.child('function');
  const args = call.child('arguments')?.namedChildren ?? [];
  if (fn?.type !== 'selector_expression' || args.length === 0) return false;
  const pkg = fn.child('operand');
  const sym = pkg?.type === 'identifier' ? model.resolve(pkg) : undefined;
  const names = sym?.kind === 'import' ? IDEMPOTENT[sym.importPath ?? ''] : undefined;
  if (!names?.includes(fn.child('field')?.text ?? '')) return false;
  return namesCurrentEntry(model, args[0] as Node, loop.keyVar, loop.valueVar);
}

/**
 * `nodes[lowest] = ...` where `lowest` comes from a call of a local helper (a function literal of
 * the same function) that itself deletes from the map: a traversal that removes keys and the
 * loop puts one back.
 */
function putBackByTraversal(model: PackageModel, key: Node, map: Node): boolean {
  const e = stripParens(key);
  const sym = e.type === 'identifier' ? model.resolve(e) : undefined;
  if (!sym?.decl || sym.role !== 'local') return false;
  const values = (sym.decl.type === 'short_var_declaration' ? sym.decl.child('right') : sym.decl.child('value'))?.namedChildren ?? [];
  const init = values.length === 1 ? stripParens(values[0] as Node) : undefined;
  const callee = init?.type === 'call_expression' ? init.child('function') : undefined;
  const helper = callee?.type === 'identifier' ? model.resolve(callee) : undefined;
  if (!helper || helper.kind !== 'var') return false;
  for (const lit of functionLiteralsAssignedTo(model, helper)) {
    for (const n of lit.descendants()) {
      if (n.type !== 'call_expression' || n.child('function')?.text !== 'delete') continue;
      const target = n.child('arguments')?.namedChildren[0];
      if (target && model.sameRef(target, map)) return true;
    }
  }
  return false;
}

function functionLiteralsAssignedTo(model: PackageModel, sym: GoSymbol): Node[] {
  const out: Node[] = [];
  for (const ref of model.references(sym)) {
    const list = ref.parent;
    const stmt = list?.parent;
    if (list?.type !== 'expression_list' || list.field !== 'left' || !stmt) continue;
    const i = list.namedChildren.indexOf(ref);
    const v = stmt.child('right')?.namedChildren[i];
    if (v && stripParens(v).type === 'func_literal') out.push(stripParens(v));
  }
  const decl = sym.decl;
  const values = decl?.type === 'var_spec' ? (decl.child('value')?.namedChildren ?? []) : [];
  const v = values[sym.index];
  if (v && stripParens(v).type === 'func_literal') out.push(stripParens(v));
  return out;
}

/** Follows `x := <expr>` copies (declared once) to the expression. */
function throughLocalCopies(model: PackageModel, e0: Node): Node {
  let e = stripParens(e0);
  for (let i = 0; i < 8 && e.type === 'identifier'; i++) {
    const sym = model.resolve(e);
    if (sym?.decl?.type !== 'short_var_declaration' || sym.role !== 'local') break;
    const values = sym.decl.child('right')?.namedChildren ?? [];
    const names = sym.decl.child('left')?.namedChildren ?? [];
    const v = values.length === names.length ? values[sym.index] : undefined;
    if (!v || model.isReassigned(sym)) break;
    e = stripParens(v);
  }
  return e;
}

/**
 * Whether `key` denotes the current entry's key: the key variable (possibly converted or copied
 * into another variable), or a field/zero-argument method read off the value variable.
 */
export function namesCurrentEntry(model: PackageModel, key: Node, keyVar: GoSymbol | undefined, valueVar: GoSymbol | undefined): boolean {
  let e = stripParens(key);
  for (let i = 0; i < 8; i++) {
    const sym = e.type === 'identifier' ? model.resolve(e) : undefined;
    if (sym && keyVar && sym === keyVar) return true;
    // A copy of the key: `k2 := k` (declared once, from the key variable).
    if (sym?.decl?.type === 'short_var_declaration' && sym.role === 'local') {
      const values = sym.decl.child('right')?.namedChildren ?? [];
      const names = sym.decl.child('left')?.namedChildren ?? [];
      const v = values.length === names.length ? values[sym.index] : undefined;
      if (v) {
        e = stripParens(v);
        continue;
      }
    }
    // A conversion of the key: string(k), KeyType(k).
    if ((e.type === 'call_expression' || e.type === 'type_conversion_expression') && keyVar) {
      const fn = e.child('function');
      const args = e.type === 'call_expression' ? (e.child('arguments')?.namedChildren ?? []) : [e.child('operand')].filter((x): x is Node => !!x);
      if (args.length === 1 && (e.type === 'type_conversion_expression' || (fn && model.typing.typeDenotedBy(fn)))) {
        e = stripParens(args[0] as Node);
        continue;
      }
    }
    break;
  }
  // A key read off the value (`v.id`, `v.Key()`) names the current entry, unless it goes through
  // a field whose name says it points elsewhere (`v.parent`, `v.next`, ...).
  return valueVar !== undefined && readsOffValue(model, e, valueVar);
}

const POINTS_ELSEWHERE = /^(parent|next|prev|previous|other|peer|child|children|sibling|successor|predecessor|old|new|alias|target|dst|src|from|to|dup|orig|original|replacement|replaced)/i;

/** `v.name`, `v.id.String()`, `v.Key()`: a selector chain or zero-argument method calls on `v`. */
function readsOffValue(model: PackageModel, e: Node, valueVar: GoSymbol): boolean {
  let cur = stripParens(e);
  let steps = 0;
  for (; steps < 16; steps++) {
    if (cur.type === 'selector_expression') {
      if (POINTS_ELSEWHERE.test(cur.child('field')?.text ?? '')) return false;
      cur = stripParens(cur.child('operand') as Node);
    } else if (cur.type === 'call_expression') {
      const fn = cur.child('function');
      const args = cur.child('arguments')?.namedChildren ?? [];
      if (fn?.type !== 'selector_expression' || args.length > 0) return false;
      cur = stripParens(fn);
    } else if (cur.type === 'unary_expression' && cur.child('operator')?.type === '*') {
      cur = stripParens(cur.child('operand') as Node);
    } else break;
  }
  return steps > 0 && cur.type === 'identifier' && model.resolve(cur) === valueVar;
}

/** A `for it.Next() { ... }` loop over a `reflect.Value.MapRange()` iterator. */
export interface MapIterLoop {
  readonly node: Node;
  readonly iter: GoSymbol;
  /** The reflect.Value whose MapRange() the iterator came from. */
  readonly mapValue: Node;
}

/** Enclosing `for it.Next()` loops (within the function) whose iterator came from `X.MapRange()`. */
export function enclosingMapIterLoops(model: PackageModel, at: Node): MapIterLoop[] {
  const out: MapIterLoop[] = [];
  if (isIterationSemanticsTest(at)) return out;
  for (let p = at.parent; p; p = p.parent) {
    if (p.type === 'func_literal' || p.type === 'function_declaration' || p.type === 'method_declaration') break;
    if (p.type !== 'for_statement') continue;
    const cond = p.namedChildren.find((c) => c.field !== 'body' && c.type === 'call_expression');
    const fn = cond?.child('function');
    if (fn?.type !== 'selector_expression' || fn.child('field')?.text !== 'Next') continue;
    const iterIdent = stripParens(fn.child('operand') as Node);
    const iter = iterIdent.type === 'identifier' ? model.resolve(iterIdent) : undefined;
    if (!iter || !isNamed(model.typeOf(iterIdent), 'reflect', 'MapIter', true)) continue;
    const source = mapRangeSource(iter);
    if (source) out.push({ node: p, iter, mapValue: source });
  }
  return out;
}

/** `X` of the `it := X.MapRange()` that declares the iterator. */
function mapRangeSource(iter: GoSymbol): Node | undefined {
  const decl = iter.decl;
  if (decl?.type !== 'short_var_declaration' && decl?.type !== 'var_spec') return undefined;
  const values = (decl.type === 'short_var_declaration' ? decl.child('right') : decl.child('value'))?.namedChildren ?? [];
  const v = values[iter.index];
  const call = v ? stripParens(v) : undefined;
  const fn = call?.type === 'call_expression' ? call.child('function') : undefined;
  if (fn?.type !== 'selector_expression' || fn.child('field')?.text !== 'MapRange') return undefined;
  return fn.child('operand');
}

/** `it.Key()` for the given iterator. */
export function isIterKey(model: PackageModel, e: Node, iter: GoSymbol): boolean {
  const call = stripParens(e);
  if (call.type !== 'call_expression') return false;
  const fn = call.child('function');
  if (fn?.type !== 'selector_expression' || fn.child('field')?.text !== 'Key') return false;
  const recv = stripParens(fn.child('operand') as Node);
  return recv.type === 'identifier' && model.resolve(recv) === iter;
}

/**
 * For `v.SetMapIndex(k, elem)`: the MapRange loop over `v` in which writing key `k` is
 * order-dependent (not `it.Key()`, and the iteration goes on afterwards), if any.
 */
export function orderDependentMapIterLoop(model: PackageModel, call: Node, receiver: Node, key: Node): MapIterLoop | undefined {
  if (!isNamed(model.typeOf(receiver), 'reflect', 'Value')) return undefined;
  const stmt = enclosingStatement(call);
  return enclosingMapIterLoops(model, call).find((loop) => model.sameRef(loop.mapValue, receiver) && !isIterKey(model, key, loop.iter) && !(stmt && leavesLoopAfter(stmt, loop.node)));
}

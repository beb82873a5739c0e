/**
 * range-clear: a loop that deletes every key of a map is clear(m) (Go 1.21), and a sync.Map Range
 * that deletes every key is m.Clear() (Go 1.23).
 * Docs: docs/rules/range-clear.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import type { PackageModel } from '../analyzer/model/package-model.js';
import { stripParens } from '../analyzer/model/typing.js';
import { hasReflexiveEquality, isNamed, typeString } from '../analyzer/model/types.js';
import type { Node } from '../analyzer/syntax/node.js';

export default defineRule({
  meta: {
    id: 'range-clear',
    name: 'RangeClear',
    severity: 'note',
    fixable: true,
    summary: 'A loop that deletes every key of a map is clear(m).',
    description:
      'for k := range m { delete(m, k) } empties the map one key at a time; since Go 1.21 clear(m) says so directly (and, unlike the loop, also removes NaN keys). A sync.Map Range whose callback only deletes its key is m.Clear() from Go 1.23.',
    tags: ['simplification', 'maps', 'modernize'],
    precision: 'very-high',
  },
  create({ model, report }) {
    return {
      deleteCall(call) {
        if (!model.goAtLeast('1.21')) return;
        const forStmt = soleStatementOfLoopBody(call.node);
        const loop = forStmt && model.rangeLoop(forStmt);
        if (!forStmt || !loop || !loop.clause.hasToken(':=') || !loop.keyVar || loop.valueVar) return;
        if (model.symbolOf(call.key) !== loop.keyVar || !model.sameRef(loop.iterated, call.map)) return;
        const mapType = model.mapTypeOf(loop.iterated);
        if (!mapType) return;
        const m = call.map.text;
        const reflexive = hasReflexiveEquality(mapType.key);
        const hasComments = [...forStmt.descendants()].some((n) => n.type === 'comment');
        const nan = reflexive !== true;
        report({
          node: forStmt,
          endNode: loop.clause,
          message: nan
            ? `This loop deletes every key of ${m}: clear(${m}) does that, but also removes NaN keys, which the loop leaves behind (key type ${typeString(mapType.key)}); check before replacing.`
            : `This loop deletes every key of ${m}: use clear(${m}).`,
          ...(hasComments ? {} : { fix: { description: `Replace the loop with clear(${m})`, edits: [{ start: forStmt.start, end: forStmt.end, newText: `clear(${m})` }], safe: !nan } }),
        });
      },
      methodCalls: {
        Range(call) {
          if (!model.goAtLeast('1.23')) return;
          if (!isNamed(model.typeOf(call.receiver), 'sync', 'Map', true)) return;
          const stmt = call.node.parent;
          const fn = call.args.length === 1 ? stripParens(call.args[0] as Node) : undefined;
          if (stmt?.type !== 'expression_statement' || fn?.type !== 'func_literal') return;
          if (!deletesOnlyItsKey(model, fn, call.receiver)) return;
          const m = call.receiver.text;
          const safe = storedKeysAreReflexive(model, call.receiver);
          report({
            node: call.node,
            endNode: call.selector,
            message: safe
              ? `This Range deletes every key of ${m}: use ${m}.Clear().`
              : `This Range deletes every key of ${m}: ${m}.Clear() does that, but also removes NaN keys, which Delete cannot find; check the key types stored before replacing.`,
            fix: { description: `Replace with ${m}.Clear()`, edits: [{ start: call.node.start, end: call.node.end, newText: `${m}.Clear()` }], safe },
          });
        },
      },
    };
  },
});

/** The for statement whose whole body is the statement holding `call`. */
function soleStatementOfLoopBody(call: Node): Node | undefined {
  const stmt = call.parent;
  const list = stmt?.parent;
  const body = list?.parent;
  const forStmt = body?.parent;
  if (stmt?.type !== 'expression_statement' || list?.type !== 'statement_list' || body?.type !== 'block' || forStmt?.type !== 'for_statement') return undefined;
  return list.namedChildren.length === 1 ? forStmt : undefined;
}

/** func(k, v any) bool { m.Delete(k); return true } */
function deletesOnlyItsKey(model: PackageModel, fn: Node, receiver: Node): boolean {
  const params = fn.child('parameters')?.namedChildren.flatMap((p) => p.childrenOf('name')) ?? [];
  const key = params[0];
  const stmts = fn.child('body')?.namedChildren.find((c) => c.type === 'statement_list')?.namedChildren ?? [];
  if (!key || stmts.length !== 2) return false;
  const [first, second] = stmts as [Node, Node];
  const del = first.type === 'expression_statement' ? stripParens(first.namedChildren[0] as Node) : undefined;
  const sel = del?.type === 'call_expression' ? del.child('function') : undefined;
  const args = del?.child('arguments')?.namedChildren ?? [];
  if (sel?.type !== 'selector_expression' || sel.child('field')?.text !== 'Delete' || args.length !== 1) return false;
  if (!model.sameRef(sel.child('operand') as Node, receiver)) return false;
  const arg = stripParens(args[0] as Node);
  if (arg.type !== 'identifier' || model.resolve(arg) !== model.resolve(key)) return false;
  const ret = second.type === 'return_statement' ? second.namedChildren[0]?.namedChildren : undefined;
  return ret?.length === 1 && ret[0]?.type === 'true';
}

/** Every key stored into this sync.Map (anywhere in the package) has a type whose == is reflexive. */
function storedKeysAreReflexive(model: PackageModel, receiver: Node): boolean {
  const storage = model.storageKey(receiver);
  if (!storage) return false;
  const stores = model.methodCallsNamed(['Store', 'LoadOrStore', 'Swap', 'CompareAndSwap']).filter((c) => {
    const sel = c.child('function');
    const recv = sel?.child('operand');
    return recv !== undefined && model.storageKey(recv) === storage && isNamed(model.typeOf(recv), 'sync', 'Map', true);
  });
  if (stores.length === 0) return false;
  return stores.every((c) => {
    const key = c.child('arguments')?.namedChildren[0];
    return key !== undefined && hasReflexiveEquality(model.typeOf(key)) === true;
  });
}

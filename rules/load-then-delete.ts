/**
 * load-then-delete: sync.Map Load followed by Delete of the same key — a check-then-act race that
 * LoadAndDelete does atomically.
 * Docs: docs/rules/load-then-delete.md
 */
import type { TextEdit } from '../analyzer/engine/finding.js';
import { defineRule } from '../analyzer/engine/rule.js';
import { locksAt } from '../analyzer/model/map-sharing.js';
import type { PackageModel } from '../analyzer/model/package-model.js';
import { isFunctionNode } from '../analyzer/model/scopes.js';
import { stripParens } from '../analyzer/model/typing.js';
import { isNamed } from '../analyzer/model/types.js';
import type { Node } from '../analyzer/syntax/node.js';

interface Load {
  /** The `m.Load(k)` call. */
  readonly call: Node;
  /** The statement declaring or assigning its results. */
  readonly stmt: Node;
  /** The `if` whose branch holds the Delete, when the Load is its initializer or comes right before it. */
  readonly guard: Node | undefined;
}

export default defineRule({
  meta: {
    id: 'load-then-delete',
    name: 'LoadThenDelete',
    severity: 'warning',
    fixable: true,
    summary: 'sync.Map Load followed by Delete of the same key races; use LoadAndDelete.',
    description:
      'v, ok := m.Load(k) followed by m.Delete(k) is a check-then-act race: another goroutine can Store between the two calls and its value is deleted unseen, or two goroutines both take the same value. LoadAndDelete (Go 1.15) loads and deletes atomically.',
    tags: ['correctness', 'concurrency', 'sync-map'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      methodCalls: {
        Delete(call) {
          if (!model.goAtLeast('1.15')) return;
          const [key] = call.args;
          if (!key || call.args.length !== 1 || !isNamed(model.typeOf(call.receiver), 'sync', 'Map', true)) return;
          const load = precedingLoad(model, call.node, call.receiver, key);
          if (!load || guardedByCommonMutex(model, load.call, call.node, call.receiver)) return;
          const m = call.receiver.text;
          const k = key.text;
          report({
            node: call.node,
            message: `${m}.Load(${k}) followed by ${m}.Delete(${k}) is a check-then-act race: another goroutine can Store between the two calls and lose its value; use ${m}.LoadAndDelete(${k}), which does both atomically.`,
            related: [{ node: load.call, message: 'loaded here' }],
            ...(fixFor(model, load, call.node) ?? {}),
          });
        },
      },
    };
  },
});

/** The `m.Load(k)` whose results the code acts on before calling `m.Delete(k)`. */
function precedingLoad(model: PackageModel, del: Node, receiver: Node, key: Node): Load | undefined {
  let cur: Node = del;
  for (let p = del.parent; p && !isFunctionNode(p); cur = p, p = p.parent) {
    if (p.type === 'if_statement' && cur.field === 'consequence') {
      const init = p.child('initializer');
      const call = init ? loadIn(model, init, receiver, key) : undefined;
      if (init && call) return { call, stmt: init, guard: p };
    }
    if (p.type !== 'statement_list') continue;
    const siblings = p.namedChildren;
    for (let i = siblings.indexOf(cur) - 1; i >= 0; i--) {
      const s = siblings[i] as Node;
      const call = loadIn(model, s, receiver, key);
      if (call) {
        // The `if ok { ... }` right after the Load, when the Delete is inside it.
        const guard = cur.type === 'if_statement' && siblings[i + 1] === cur ? cur : undefined;
        return { call, stmt: s, guard };
      }
    }
  }
  return undefined;
}

/** `v, ok := m.Load(k)` (or `=`): the Load call, if `stmt` is one. */
function loadIn(model: PackageModel, stmt: Node, receiver: Node, key: Node): Node | undefined {
  if (stmt.type !== 'short_var_declaration' && stmt.type !== 'assignment_statement') return undefined;
  const right = stmt.child('right')?.namedChildren ?? [];
  if (right.length !== 1) return undefined;
  const call = stripParens(right[0] as Node);
  const fn = call.type === 'call_expression' ? call.child('function') : undefined;
  const args = call.child('arguments')?.namedChildren ?? [];
  if (fn?.type !== 'selector_expression' || fn.child('field')?.text !== 'Load' || args.length !== 1) return undefined;
  if (!model.sameRef(fn.child('operand') as Node, receiver) || !model.sameRef(args[0] as Node, key)) return undefined;
  return call;
}

/** Load and Delete hold the same mutex, and every Store into this map holds it too: no race. */
function guardedByCommonMutex(model: PackageModel, load: Node, del: Node, receiver: Node): boolean {
  const atLoad = new Set(locksAt(model, load).filter((l) => l.mode === 'write' && !l.maybe).map((l) => l.name));
  const common = locksAt(model, del).filter((l) => l.mode === 'write' && !l.maybe && atLoad.has(l.name)).map((l) => l.name);
  if (common.length === 0) return false;
  const storage = model.storageKey(receiver);
  const stores = model.methodCallsNamed(['Store', 'LoadOrStore', 'Swap', 'CompareAndSwap']).filter((c) => {
    const recv = c.child('function')?.child('operand');
    return recv !== undefined && storage !== undefined && model.storageKey(recv) === storage;
  });
  return stores.every((s) => {
    const names = new Set(locksAt(model, s).filter((l) => l.mode === 'write' && !l.maybe).map((l) => lockTail(l.name)));
    return common.some((c) => names.has(lockTail(c)));
  });
}

/** `s.mu` and `t.mu` are the same lock of the same type's field; compare without the receiver name. */
function lockTail(name: string): string {
  const i = name.indexOf('.');
  return i < 0 ? name : name.slice(i);
}

/**
 * The rewrite to LoadAndDelete, when the Delete is the first statement of the `if ok` branch right
 * after the Load (so nothing touches the map in between).
 */
function fixFor(model: PackageModel, load: Load, del: Node): { fix: { description: string; edits: TextEdit[] } } | undefined {
  const guard = load.guard;
  if (!guard || guard.child('alternative')) return undefined;
  const stmt = del.parent;
  const list = stmt?.parent;
  if (stmt?.type !== 'expression_statement' || list?.type !== 'statement_list' || list.parent?.parent !== guard) return undefined;
  const stmts = list.namedChildren;
  if (stmts[0] !== stmt || list.children.some((c) => c.type === 'comment')) return undefined;
  const okVar = okVariable(model, load.stmt);
  const cond = guard.child('condition');
  if (!okVar || !cond || stripParens(cond).type !== 'identifier' || model.resolve(stripParens(cond)) !== okVar) return undefined;
  const file = model.fileOf(del);
  const line = file.lines.lineOf(stmt.start);
  const lineStart = file.lines.lineStart(line);
  const lineEnd = file.lines.lineEnd(line);
  if (file.text.slice(lineStart, stmt.start).trim() !== '' || file.text.slice(stmt.end, lineEnd).trim() !== '') return undefined;
  const field = load.call.child('function')?.child('field');
  if (!field) return undefined;
  const nextLine = line + 1 < file.lines.lineCount ? file.lines.lineStart(line + 1) : lineEnd;
  return {
    fix: {
      description: 'Use LoadAndDelete and drop the Delete',
      edits: [
        { start: field.start, end: field.end, newText: 'LoadAndDelete' },
        { start: lineStart, end: nextLine, newText: '' },
      ],
    },
  };
}

/** The `ok` variable a Load statement declares or assigns (its second result). */
function okVariable(model: PackageModel, stmt: Node) {
  const left = stmt.child('left')?.namedChildren ?? [];
  const ok = left[1];
  return ok?.type === 'identifier' ? model.resolve(ok) : undefined;
}

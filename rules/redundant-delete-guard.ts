/**
 * redundant-delete-guard: `if _, ok := m[k]; ok { delete(m, k) }` — delete of a missing key is a
 * no-op, so the lookup guards nothing.
 * Docs: docs/rules/redundant-delete-guard.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import { stripParens } from '../analyzer/model/typing.js';

export default defineRule({
  meta: {
    id: 'redundant-delete-guard',
    name: 'RedundantDeleteGuard',
    severity: 'note',
    fixable: true,
    summary: 'Checking that a key exists before deleting it is redundant.',
    description:
      'delete(m, k) of a key that is not in the map (or on a nil map) does nothing, so if _, ok := m[k]; ok { delete(m, k) } costs a lookup and reads as if the guard mattered. Only reported when the map and key expressions have no side effects, so removing the guard cannot change behaviour.',
    tags: ['simplification', 'maps'],
    precision: 'very-high',
  },
  create({ model, report }) {
    return {
      deleteCall(call) {
        const stmt = call.node.parent;
        const list = stmt?.parent;
        const block = list?.parent;
        const ifStmt = block?.parent;
        if (stmt?.type !== 'expression_statement' || list?.type !== 'statement_list' || block?.type !== 'block') return;
        if (ifStmt?.type !== 'if_statement' || block.field !== 'consequence' || ifStmt.child('alternative')) return;
        if (list.namedChildren.length !== 1) return;
        // if _, ok := m[k]; ok { ... }
        const init = ifStmt.child('initializer');
        const cond = ifStmt.child('condition');
        if (init?.type !== 'short_var_declaration' || !cond) return;
        const left = init.child('left')?.namedChildren ?? [];
        const right = init.child('right')?.namedChildren ?? [];
        const [blank, okIdent] = left;
        const [value] = right;
        if (left.length !== 2 || right.length !== 1 || blank?.text !== '_' || !okIdent || !value) return;
        const okVar = model.symbolOf(okIdent);
        const condIdent = stripParens(cond);
        if (!okVar || condIdent.type !== 'identifier' || model.resolve(condIdent) !== okVar) return;
        const lookup = stripParens(value);
        if (lookup.type !== 'index_expression') return;
        const map = lookup.child('operand');
        const key = lookup.child('index');
        if (!map || !key || !model.mapTypeOf(map)) return;
        // Same side-effect-free expressions on both sides (refKey is undefined for calls and receives).
        if (!model.sameRef(map, call.map) || !model.sameRef(key, call.key)) return;
        const hasComments = [...ifStmt.descendants()].some((n) => n.type === 'comment');
        report({
          node: ifStmt,
          endNode: cond,
          message: `The guard around delete(${call.map.text}, ${call.key.text}) is redundant: deleting a missing key is a no-op.`,
          ...(hasComments ? {} : { fix: { description: 'Remove the guard', edits: [{ start: ifStmt.start, end: ifStmt.end, newText: call.node.text }] } }),
        });
      },
    };
  },
});

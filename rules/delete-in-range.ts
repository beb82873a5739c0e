/**
 * delete-in-range: deleting a key other than the current one while ranging over the same map.
 * Docs: docs/rules/delete-in-range.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import { orderDependentMapIterLoop, orderDependentRange } from '../analyzer/model/range-mutation.js';
import { isZeroValueLiteral } from '../analyzer/model/reflection.js';

export default defineRule({
  meta: {
    id: 'delete-in-range',
    name: 'DeleteInRange',
    severity: 'warning',
    fixable: false,
    summary: 'Deleting another key of a map while ranging over it makes the loop depend on iteration order.',
    description:
      'Inside for ... range m, delete(m, x) where x is not the current key removes an entry the loop may or may not have visited yet; whether the loop sees it depends on the random iteration order. Deleting the current key is safe.',
    tags: ['correctness', 'maps', 'iteration-order'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      deleteCall(call) {
        const loop = orderDependentRange(model, call.map, call.key, call.node);
        if (!loop) return;
        const m = call.map.text;
        report({
          node: call.node,
          message: `delete(${m}, ${call.key.text}) inside a range over ${m} removes a key other than the current one: whether the loop still visits that entry depends on iteration order.`,
          related: [{ node: loop.clause, message: `the range over ${m}` }],
        });
      },
      methodCalls: {
        // The same through reflection: v.SetMapIndex(k, reflect.Value{}) in a MapRange loop.
        SetMapIndex(call) {
          const [key, elem] = call.args;
          if (!key || !elem || !isZeroValueLiteral(model, elem)) return;
          const loop = orderDependentMapIterLoop(model, call.node, call.receiver, key);
          if (!loop) return;
          report({
            node: call.node,
            message: `${call.receiver.text}.SetMapIndex(${key.text}, reflect.Value{}) inside a MapRange loop over ${call.receiver.text} deletes a key other than the current one: whether the loop still visits it depends on iteration order.`,
            related: [{ node: loop.node, message: 'the MapRange loop' }],
          });
        },
      },
    };
  },
});


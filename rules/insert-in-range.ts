/**
 * insert-in-range: adding keys to a map while ranging over it.
 * Docs: docs/rules/insert-in-range.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import { orderDependentMapIterLoop, orderDependentRange } from '../analyzer/model/range-mutation.js';
import { isZeroValueLiteral } from '../analyzer/model/reflection.js';

export default defineRule({
  meta: {
    id: 'insert-in-range',
    name: 'InsertInRange',
    severity: 'warning',
    fixable: false,
    summary: 'Writing a new key into a map while ranging over it makes the loop depend on iteration order.',
    description:
      'Inside for ... range m, an assignment m[x] = ... (or m[x] op= ..., m[x]++) where x is not the current key may add an entry during iteration; the Go spec leaves open whether the loop visits it, so the result depends on iteration order. Overwriting the current key is fine.',
    tags: ['correctness', 'maps', 'iteration-order'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      indexWrite(write) {
        const loop = orderDependentRange(model, write.map, write.key, write.statement, true);
        if (!loop) return;
        const m = write.map.text;
        report({
          node: write.statement,
          message: `${m}[${write.key.text}]${write.op === '++' || write.op === '--' ? write.operator : ` ${write.operator} …`} inside a range over ${m} may add a key during iteration: whether the loop visits the new entry depends on iteration order.`,
          related: [{ node: loop.clause, message: `the range over ${m}` }],
        });
      },
      methodCalls: {
        SetMapIndex(call) {
          const [key, elem] = call.args;
          if (!key || !elem || isZeroValueLiteral(model, elem)) return;
          const loop = orderDependentMapIterLoop(model, call.node, call.receiver, key);
          if (!loop) return;
          report({
            node: call.node,
            message: `${call.receiver.text}.SetMapIndex(${key.text}, …) inside a MapRange loop over ${call.receiver.text} may add a key during iteration: whether the loop visits it depends on iteration order.`,
            related: [{ node: loop.node, message: 'the MapRange loop' }],
          });
        },
      },
    };
  },
});

/**
 * reflect-delete: deletion through reflect.Value.SetMapIndex with the zero Value — on purpose
 * where delete would do, or by accident through reflect.ValueOf of a nil interface.
 * Docs: docs/rules/reflect-delete.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import { isZeroValueLiteral, reflectedExpression, valueOfArgument } from '../analyzer/model/reflection.js';
import { asMap, isNamed, typeString, underlying } from '../analyzer/model/types.js';

export default defineRule({
  meta: {
    id: 'reflect-delete',
    name: 'ReflectDelete',
    severity: 'warning',
    fixable: false,
    summary: 'SetMapIndex with the zero reflect.Value deletes the key.',
    description:
      'reflect.Value.SetMapIndex(key, elem) deletes the key when elem is the zero Value. reflect.ValueOf(x) of a nil interface is the zero Value, so storing an interface value that happens to be nil silently deletes instead; and SetMapIndex(k, reflect.Value{}) on a map whose type is known statically is a slower, unchecked delete.',
    tags: ['correctness', 'maps', 'reflection'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      methodCalls: {
        SetMapIndex(call) {
          const [key, elem] = call.args;
          if (!key || !elem || !isNamed(model.typeOf(call.receiver), 'reflect', 'Value')) return;
          const v = call.receiver.text;
          const stored = valueOfArgument(model, elem);
          if (stored) {
            const t = model.typeOf(stored);
            const u = underlying(t);
            const isInterface = u.kind === 'interface' || (u.kind === 'basic' && u.name === 'error') || t.kind === 'nil';
            if (!isInterface) return;
            report({
              node: call.node,
              message: `${v}.SetMapIndex(${key.text}, reflect.ValueOf(${stored.text})) deletes the key when ${stored.text} is a nil interface (reflect.ValueOf(nil) is the zero Value); to store a nil element use reflect.Zero(${v}.Type().Elem()).`,
            });
            return;
          }
          if (!isZeroValueLiteral(model, elem)) return;
          const source = reflectedExpression(model, call.receiver);
          const mapType = source ? asMap(model.typeOf(source)) : undefined;
          if (!source || !mapType) return;
          const k = valueOfArgument(model, key);
          report({
            node: call.node,
            message: `${v}.SetMapIndex(${key.text}, reflect.Value{}) deletes from ${source.text}, whose type ${typeString(model.typeOf(source))} is known: use delete(${source.text}, ${k ? k.text : '…'}), which is type-checked and faster.`,
          });
        },
      },
    };
  },
});

/**
 * nil-as-delete: `m[k] = nil` where the entry should be removed.
 * Docs: docs/rules/nil-as-delete.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import { stripParens } from '../analyzer/model/typing.js';
import { isNamed, nilability } from '../analyzer/model/types.js';

/** Map types where a nil value is a meaningful state (a nil header value suppresses the header). */
const NIL_IS_MEANINGFUL: ReadonlyArray<[string, string]> = [
  ['net/http', 'Header'],
  ['net/url', 'Values'],
  ['net/textproto', 'MIMEHeader'],
];

export default defineRule({
  meta: {
    id: 'nil-as-delete',
    name: 'NilAsDelete',
    severity: 'warning',
    fixable: true,
    summary: 'Storing nil in a map keeps the key; delete the entry instead.',
    description:
      'm[k] = nil on a map with nilable values leaves the key in the map: len(m), range and v, ok := m[k] still see it, and the map never shrinks. delete(m, k) removes the entry.',
    tags: ['correctness', 'maps', 'memory'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      indexWrite(write) {
        if (write.op !== '=' || !write.value || stripParens(write.value).type !== 'nil') return;
        const mapType = model.typeOf(write.map);
        if (NIL_IS_MEANINGFUL.some(([pkg, name]) => isNamed(mapType, pkg, name))) return;
        const map = model.mapTypeOf(write.map);
        if (!map || nilability(map.value) !== 'nilable') return;
        const m = write.map.text;
        const k = write.key.text;
        const single = write.statement.child('left')?.namedChildren.length === 1;
        report({
          node: write.statement,
          message: `${m}[${k}] = nil keeps the key in map ${m}: len, range and comma-ok lookups still see it; use delete(${m}, ${k}) to remove the entry.`,
          ...(single
            ? { fix: { description: `Replace with delete(${m}, ${k})`, edits: [{ start: write.statement.start, end: write.statement.end, newText: `delete(${m}, ${k})` }] } }
            : {}),
        });
      },
    };
  },
});

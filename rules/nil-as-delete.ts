/**
 * nil-as-delete: `m[k] = nil` where the entry should be removed.
 * Docs: docs/rules/nil-as-delete.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import { isDeliberateEvidence, mapReaders, type Reader } from '../analyzer/model/map-readers.js';
import type { PackageModel } from '../analyzer/model/package-model.js';
import { stripParens } from '../analyzer/model/typing.js';
import { nilability } from '../analyzer/model/types.js';
import type { Node } from '../analyzer/syntax/node.js';

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
      'm[k] = nil on a map with nilable values leaves the key in the map: len(m), range and v, ok := m[k] still see it, and the map never shrinks. delete(m, k) removes the entry. Not reported where the package reads the map in a way that tells a nil entry from a missing one (a deliberate marker).',
    tags: ['correctness', 'maps', 'memory'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      indexWrite(write) {
        if (write.op !== '=' || !write.value || stripParens(write.value).type !== 'nil') return;
        const mapType = model.typeOf(write.map);
        if (NIL_IS_MEANINGFUL.some(([pkg, name]) => model.isKnownType(mapType, pkg, name))) return;
        const map = model.mapTypeOf(write.map);
        if (!map || nilability(map.value) !== 'nilable') return;
        if (isPlaceholderInsert(model, write.map, write.statement)) return;
        const readers = mapReaders(model, write.map);
        // Some reader tells a present nil from an absent key: the nil is a deliberate state.
        if (readers.some(isDeliberateEvidence)) return;
        const m = write.map.text;
        const k = write.key.text;
        const single = write.statement.child('left')?.namedChildren.length === 1;
        report({
          node: write.statement,
          message: `${m}[${k}] = nil keeps the key in map ${m}: ${evidence(model, m, readers)}; use delete(${m}, ${k}) to remove the entry.`,
          ...(single
            ? { fix: { description: `Replace with delete(${m}, ${k})`, edits: [{ start: write.statement.start, end: write.statement.end, newText: `delete(${m}, ${k})` }] } }
            : {}),
          ...(readers[0] ? { related: [{ node: readers[0].node, message: 'read here' }] } : {}),
        });
      },
    };
  },
});

/**
 * A map this function has just created and has only written to so far: `m[k] = nil` adds a key
 * with a placeholder value (a set being built), it does not remove one.
 */
function isPlaceholderInsert(model: PackageModel, map: Node, at: Node): boolean {
  const e = stripParens(map);
  const sym = e.type === 'identifier' ? model.resolve(e) : undefined;
  if (!sym || sym.role !== 'local' || !sym.decl) return false;
  const values = (sym.decl.type === 'short_var_declaration' ? sym.decl.child('right') : sym.decl.child('value'))?.namedChildren ?? [];
  const init = values[sym.index] ? stripParens(values[sym.index] as Node) : undefined;
  const created = init?.type === 'composite_literal' || (init?.type === 'call_expression' && init.child('function')?.text === 'make');
  if (!created) return false;
  return model.references(sym).every((r) => {
    if (r === sym.ident || r.start >= at.start) return true;
    // Only element writes in between: m[x] = ...
    const ix = r.parent;
    return ix?.type === 'index_expression' && r.field === 'operand' && ix.parent?.type === 'expression_list' && ix.parent.field === 'left';
  });
}

/** Which reader shows the stale entry matters, in one clause. */
function evidence(model: PackageModel, m: string, readers: readonly Reader[]): string {
  const r = readers[0];
  if (!r) return 'no code in the package tells a nil entry from a missing one, while len, range and comma-ok lookups still see the key';
  const line = model.fileOf(r.node).lines.position(r.node.start).line;
  switch (r.kind) {
    case 'nil-as-absent':
      return `the nil check at line ${line} treats a nil entry as missing, which is what delete means, and len and range still see the key`;
    case 'comma-ok-live':
      return `the comma-ok lookup at line ${line} reports the stale key as found`;
    case 'range-value':
      return `the range over ${m} at line ${line} still visits the key with a nil value`;
    case 'len':
      return `len(${m}) at line ${line} still counts the key`;
    default:
      return 'len, range and comma-ok lookups still see the key';
  }
}

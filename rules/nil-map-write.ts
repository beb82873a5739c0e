/**
 * nil-map-write: writing to a map that is nil on some path reaching the write panics with
 * "assignment to entry in nil map".
 * Docs: docs/rules/nil-map-write.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import type { IndexWrite } from '../analyzer/engine/candidates.js';
import { isDeliberatePanicContext } from '../analyzer/model/control.js';
import { fieldEverAssigned } from '../analyzer/model/field-init.js';
import { nilVerdictAt, type NilVerdict } from '../analyzer/model/nil-maps.js';
import type { PackageModel } from '../analyzer/model/package-model.js';
import { stripParens } from '../analyzer/model/typing.js';
import { derefPointer, typeString, underlying } from '../analyzer/model/types.js';
import type { Node } from '../analyzer/syntax/node.js';

export default defineRule({
  meta: {
    id: 'nil-map-write',
    name: 'NilMapWrite',
    severity: 'error',
    fixable: false,
    summary: 'Writing to a nil map panics.',
    description:
      'An index assignment, op= or ++/-- on a map that is nil on a path reaching it panics with "assignment to entry in nil map": a local declared with var and never made, a named result, a struct field no code ever initialises, or a field left out of the literal that built the struct.',
    tags: ['correctness', 'maps', 'panic'],
    precision: 'high',
  },
  create({ model, report }) {
    return {
      indexWrite(write) {
        const mapType = model.mapTypeOf(write.map);
        if (!mapType || isDeliberatePanicContext(write.statement)) return;
        const m = write.map.text;
        const make = `make(${typeString(model.typeOf(write.map))})`;
        const target = stripParens(write.map);
        if (target.type === 'identifier') {
          const sym = model.resolve(target);
          if (!sym || sym.kind !== 'var' || (sym.role !== 'local' && sym.role !== 'result')) return;
          const verdict = nilVerdictAt(model, { sym, field: undefined }, write.target);
          const why = sym.role === 'result' ? `${m} is a named result, nil until assigned` : `${m} is declared without a map${declLine(model, sym.ident)}`;
          reportVerdict(verdict, write, why, make);
          return;
        }
        if (target.type !== 'selector_expression') return;
        const field = target.child('field')?.text;
        let operand = stripParens(target.child('operand') as Node);
        if (operand.type === 'unary_expression' && operand.child('operator')?.type === '*') operand = stripParens(operand.child('operand') as Node);
        if (!field) return;
        // A struct built right here by a literal that leaves the field out.
        const holder = operand.type === 'identifier' ? model.resolve(operand) : undefined;
        if (holder && holder.kind === 'var' && holder.role === 'local') {
          const verdict = nilVerdictAt(model, { sym: holder, field }, write.target);
          if (verdict !== 'ok') {
            reportVerdict(verdict, write, `${operand.text} is built by a composite literal that leaves ${field} out${declLine(model, holder.ident)}`, make);
            return;
          }
        }
        // A field no code in the package ever initialises.
        const owner = structOwner(model, operand, field);
        if (!owner || /^[A-Z]/.test(field) || fieldEverAssigned(model, owner, field)) return;
        report({
          node: write.statement,
          message: `${m} is nil: no code in package ${model.name} ever assigns field ${field} of ${owner}, so writing to it panics with "assignment to entry in nil map"; initialise it where ${owner} is built (or lazily with if ${m} == nil { ${m} = ${make} }).`,
        });
      },
    };

    function reportVerdict(verdict: NilVerdict, write: IndexWrite, why: string, make: string): void {
      const m = write.map.text;
      const panic = 'writing to it panics with "assignment to entry in nil map"';
      switch (verdict) {
        case 'nil':
          report({ node: write.statement, message: `${m} is a nil map here (${why}): ${panic}; initialise it with ${make}.` });
          break;
        case 'nil-some-path':
          report({ node: write.statement, message: `${m} is nil on a path that reaches this write (${why}, and only some paths assign it): ${panic}; initialise it with ${make} before branching.` });
          break;
        case 'ok':
          break;
      }
    }
  },
});

function declLine(model: PackageModel, ident: Node | undefined): string {
  if (!ident) return '';
  return ` at line ${model.fileOf(ident).lines.position(ident.start).line}`;
}

/** The name of the package's own struct type declaring `field`, for `operand.field`. */
function structOwner(model: PackageModel, operand: Node, field: string): string | undefined {
  const t = derefPointer(model.typeOf(operand));
  const owner = model.fieldOf(t, field)?.owner;
  if (!owner || owner.pkg !== '' || !owner.decl || underlying(owner).kind !== 'struct') return undefined;
  return owner.name;
}

/**
 * nil-map-write: writing to a map that is nil on some path reaching the write panics with
 * "assignment to entry in nil map".
 * Docs: docs/rules/nil-map-write.md
 */
import { defineRule } from '../analyzer/engine/rule.js';
import type { IndexWrite } from '../analyzer/engine/candidates.js';
import { isDeliberatePanicContext } from '../analyzer/model/control.js';
import { fieldEverAssigned } from '../analyzer/model/field-init.js';
import { calleeDeclaration, nilVerdictAt, type NilVerdict } from '../analyzer/model/nil-maps.js';
import type { GoSymbol } from '../analyzer/model/symbols.js';
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
        if (!mapType) return;
        const m = write.map.text;
        const make = `make(${typeString(model.typeOf(write.map))})`;
        const target = stripParens(write.map);
        if (target.type === 'identifier') {
          const sym = model.resolve(target);
          if (sym?.kind === 'var' && sym.role === 'param') {
            reportNilArgument(model, sym, write);
            return;
          }
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
        if (!owner) return;
        if (/^[A-Z]/.test(field) || fieldEverAssigned(model, owner, field)) {
          if (holder?.role === 'receiver') reportZeroReceiver(model, holder, field, write);
          return;
        }
        report({
          node: write.statement,
          message: `${m} is nil: no code in package ${model.name} ever assigns field ${field} of ${owner}, so writing to it panics with "assignment to entry in nil map"; initialise it where ${owner} is built (or lazily with if ${m} == nil { ${m} = ${make} }).`,
        });
      },
    };

    /** The function writes its map parameter while nil, and a caller passes a nil map. */
    function reportNilArgument(model: PackageModel, param: GoSymbol, write: IndexWrite): void {
      const fn = param.owner;
      if (!fn || fn.type === 'func_literal') return;
      if (nilVerdictAt(model, { sym: param, field: undefined, nilAtEntry: true }, write.target) !== 'nil') return;
      const index = parameterIndex(fn, param);
      for (const call of callSites(model, fn)) {
        const arg = call.child('arguments')?.namedChildren[index];
        if (!arg || !isNilMapArgument(model, arg)) continue;
        const line = model.fileOf(call).lines.position(call.start).line;
        report({
          node: write.statement,
          message: `${param.name} is nil when ${fn.child('name')?.text ?? 'this function'} is called at line ${line} of ${baseName(model, call)} with ${arg.text}, a nil map: writing to it panics with "assignment to entry in nil map"; make the map before passing it.`,
          related: [{ node: call, message: `called with a nil map here` }],
        });
        return;
      }
    }

    /** The method writes a receiver field while nil, and a caller calls it on a struct without that field. */
    function reportZeroReceiver(model: PackageModel, recv: GoSymbol, field: string, write: IndexWrite): void {
      const method = recv.owner;
      if (!method || method.type !== 'method_declaration') return;
      if (nilVerdictAt(model, { sym: recv, field, nilAtEntry: true }, write.target) !== 'nil') return;
      for (const call of callSites(model, method)) {
        const r = stripParens(call.child('function')?.child('operand') as Node);
        const local = r.type === 'identifier' ? model.resolve(r) : undefined;
        if (!local || local.kind !== 'var' || local.role !== 'local') continue;
        if (nilVerdictAt(model, { sym: local, field }, call) !== 'nil') continue;
        const line = model.fileOf(call).lines.position(call.start).line;
        report({
          node: write.statement,
          message: `${write.map.text} is nil when ${method.child('name')?.text ?? 'this method'} is called at line ${line} of ${baseName(model, call)} on ${r.text}, whose ${field} was never set: writing to it panics with "assignment to entry in nil map".`,
          related: [{ node: call, message: `called on a struct without ${field} here` }],
        });
        return;
      }
    }

    function reportVerdict(verdict: NilVerdict, write: IndexWrite, why: string, make: string): void {
      const m = write.map.text;
      const panic = 'writing to it panics with "assignment to entry in nil map"';
      // Code that provokes the panic on purpose (a test of panics) gets a note asking to say so.
      if (verdict !== 'ok' && isDeliberatePanicContext(write.statement)) {
        report({
          node: write.statement,
          severity: 'note',
          message: `${m} is a nil map here (${why}): ${panic}; this code seems to provoke the panic on purpose — if so, mark it with //gomaplint:ignore nil-map-write -- <reason>.`,
        });
        return;
      }
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

function baseName(model: PackageModel, n: Node): string {
  const p = model.fileOf(n).path;
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Position of a parameter among the function's parameters. */
function parameterIndex(fn: Node, param: GoSymbol): number {
  let i = 0;
  for (const p of fn.child('parameters')?.namedChildren ?? []) {
    const names = p.childrenOf('name');
    for (const n of names) {
      if (n === param.ident) return i;
      i++;
    }
    if (names.length === 0) i++;
  }
  return -1;
}

/** Calls of a function or method declared in this package. */
function callSites(model: PackageModel, fn: Node): Node[] {
  const name = fn.child('name')?.text;
  if (!name) return [];
  if (fn.type === 'method_declaration') {
    return model.methodCallsNamed([name]).filter((c) => calleeDeclaration(model, c) === fn);
  }
  const sym = model.index.lookup(name);
  if (sym?.decl !== fn) return [];
  return model.references(sym).flatMap((r) => (r.parent?.type === 'call_expression' && r.field === 'function' ? [r.parent] : []));
}

/** `nil`, or a local map that is nil at that point. */
function isNilMapArgument(model: PackageModel, arg: Node): boolean {
  const e = stripParens(arg);
  if (e.type === 'nil') return true;
  const sym = e.type === 'identifier' ? model.resolve(e) : undefined;
  if (!sym || sym.kind !== 'var' || (sym.role !== 'local' && sym.role !== 'result')) return false;
  return model.mapTypeOf(e) !== undefined && nilVerdictAt(model, { sym, field: undefined }, e) === 'nil';
}

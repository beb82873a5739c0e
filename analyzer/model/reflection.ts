/** Facts about reflect.Value expressions: the zero Value, ValueOf(x), the map a Value was made from. */
import type { Node } from '../syntax/node.js';
import type { PackageModel } from './package-model.js';
import { stripParens } from './typing.js';
import { isNamed } from './types.js';

/** `reflect.Value{}`: the zero Value, which makes SetMapIndex delete the key. */
export function isZeroValueLiteral(model: PackageModel, e: Node): boolean {
  const lit = stripParens(e);
  if (lit.type !== 'composite_literal') return false;
  const body = lit.child('body');
  return (body?.namedChildren.length ?? 1) === 0 && isNamed(model.typeOf(lit), 'reflect', 'Value');
}

/** For `reflect.ValueOf(x)`, the argument `x`. */
export function valueOfArgument(model: PackageModel, e: Node): Node | undefined {
  const call = stripParens(e);
  if (call.type !== 'call_expression') return undefined;
  const fn = call.child('function');
  const args = call.child('arguments')?.namedChildren ?? [];
  if (fn?.type !== 'selector_expression' || fn.child('field')?.text !== 'ValueOf' || args.length !== 1) return undefined;
  const pkg = fn.child('operand');
  const sym = pkg?.type === 'identifier' ? model.resolve(pkg) : undefined;
  return sym?.kind === 'import' && sym.importPath === 'reflect' ? args[0] : undefined;
}

/**
 * The expression a reflect.Value was made from with `reflect.ValueOf(expr)`: directly, or through
 * a local variable initialised that way and never assigned again.
 */
export function reflectedExpression(model: PackageModel, value: Node): Node | undefined {
  const direct = valueOfArgument(model, value);
  if (direct) return direct;
  const e = stripParens(value);
  if (e.type !== 'identifier') return undefined;
  const sym = model.resolve(e);
  if (!sym || sym.kind !== 'var' || sym.role !== 'local' || !sym.decl) return undefined;
  const values = (sym.decl.type === 'short_var_declaration' ? sym.decl.child('right') : sym.decl.child('value'))?.namedChildren ?? [];
  const names = (sym.decl.type === 'short_var_declaration' ? sym.decl.child('left')?.namedChildren : sym.decl.childrenOf('name')) ?? [];
  if (values.length !== names.length) return undefined;
  const init = values[sym.index];
  if (!init || model.isReassigned(sym)) return undefined;
  return valueOfArgument(model, init);
}

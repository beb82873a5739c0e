/**
 * Whether a struct field is ever given a value anywhere in the package: by assignment
 * (`x.f = ...`), by taking its address (`&x.f`), or in a composite literal (`T{f: ...}`, or a
 * positional `T{a, b}` that sets every field). Searched textually for the field name (and the
 * type name, for positional literals) across all files of the package, then confirmed on the tree;
 * anything ambiguous counts as an assignment.
 */
import type { Node } from '../syntax/node.js';
import type { PackageModel } from './package-model.js';

const cache = new WeakMap<PackageModel, Map<string, boolean>>();

export function fieldEverAssigned(model: PackageModel, typeName: string, field: string): boolean {
  let byKey = cache.get(model);
  if (!byKey) cache.set(model, (byKey = new Map()));
  const key = `${typeName}.${field}`;
  let v = byKey.get(key);
  if (v === undefined) {
    v = computeAssigned(model, typeName, field);
    byKey.set(key, v);
  }
  return v;
}

function computeAssigned(model: PackageModel, typeName: string, field: string): boolean {
  for (const file of model.files) {
    // unsafe can write anything.
    if (/"unsafe"/.test(file.text)) return true;
  }
  if (model.identifiers(field).some(assignsField)) return true;
  return model.identifiers(typeName).some(positionalLiteralOf);
}

function assignsField(n: Node): boolean {
  const p = n.parent;
  if (!p) return false;
  // x.f = ..., &x.f
  if (n.type === 'field_identifier' && p.type === 'selector_expression') {
    let e: Node = p;
    while (e.parent?.type === 'parenthesized_expression') e = e.parent;
    const up = e.parent;
    if (up?.type === 'expression_list' && up.field === 'left') return true;
    if (up?.type === 'unary_expression' && up.child('operator')?.type === '&') return true;
    return false;
  }
  // T{f: ...}
  if (n.type === 'identifier' && p.type === 'literal_element' && p.field === 'key') return true;
  if (n.type === 'field_identifier' && p.type === 'literal_element' && p.field === 'key') return true;
  return false;
}

/** A composite literal involving type `T` that sets fields by position (its own or elided inner ones). */
function positionalLiteralOf(n: Node): boolean {
  if (n.type !== 'type_identifier') return false;
  let lit: Node | undefined;
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === 'composite_literal') {
      lit = p;
      break;
    }
    if (!/_type$|^type_arguments$|^type_elem$|^generic_type$/.test(p.type)) return false;
  }
  const body = lit?.child('body');
  if (!body) return false;
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const v = stack.pop() as Node;
    for (const el of v.namedChildren) {
      if (el.type === 'literal_element') {
        // A positional element: of T itself, or of an elided T inside a slice/map literal.
        if (v === body && lit?.child('type') === n) return true;
        const inner = el.namedChildren[0];
        if (inner?.type === 'literal_value') {
          if (inner.namedChildren.some((x) => x.type === 'literal_element')) return true;
          stack.push(inner);
        }
      } else if (el.type === 'keyed_element') {
        const value = el.child('value')?.namedChildren[0];
        if (value?.type === 'literal_value') stack.push(value);
      }
    }
  }
  return false;
}

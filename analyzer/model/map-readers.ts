/**
 * How the package reads a map: does any reader tell a key stored with a nil value from a key
 * that is absent? That decides whether `m[k] = nil` is a deliberate state (a "seen" marker, a
 * cycle guard, a collision flag) or a delete written the wrong way.
 */
import type { Node } from '../syntax/node.js';
import type { PackageModel } from './package-model.js';
import { stripParens } from './typing.js';

export type ReaderKind =
  /** `_, ok := m[k]`: only presence matters — a nil entry is a marker. */
  | 'presence-check'
  /** `if v, ok := m[k]; ok { if v == nil ... }`: present-nil handled apart from absent. */
  | 'comma-ok-nil-test'
  /** `if v := m[k]; v != nil` / `m[k] == nil`: nil treated as absent. */
  | 'nil-as-absent'
  /** `v, ok := m[k]` using v when ok: a stale nil entry comes back as found. */
  | 'comma-ok-live'
  /** `for k, v := range m` using v: visits the stale entry. */
  | 'range-value'
  /** `len(m)`: counts the stale entry. */
  | 'len';

export interface Reader {
  readonly kind: ReaderKind;
  readonly node: Node;
}

const DELIBERATE: ReadonlySet<ReaderKind> = new Set(['presence-check', 'comma-ok-nil-test']);

export function isDeliberateEvidence(r: Reader): boolean {
  return DELIBERATE.has(r.kind);
}

/** Readers by storage key, per model: every write to one map asks the same question. */
const cache = new WeakMap<PackageModel, Map<string, Reader[]>>();

/** The readers of the map stored where `map` is stored (same variable or same struct field). */
export function mapReaders(model: PackageModel, map: Node): Reader[] {
  const storage = model.storageKey(map);
  if (!storage) return [];
  let byStorage = cache.get(model);
  if (!byStorage) cache.set(model, (byStorage = new Map()));
  const cached = byStorage.get(storage);
  if (cached) return cached;
  const e = stripParens(map);
  const name = e.type === 'selector_expression' ? e.child('field')?.text : e.type === 'identifier' ? e.text : undefined;
  if (!name) return [];
  // A local variable is only read inside the function declaring it.
  const sym = e.type === 'identifier' ? model.resolve(e) : undefined;
  const scope = sym && sym.role !== 'package' ? sym.owner : undefined;
  const out: Reader[] = [];
  for (const n of model.identifiers(name, scope)) {
    let ref = n;
    if (ref.type === 'field_identifier' && ref.parent?.type === 'selector_expression') ref = ref.parent;
    if (ref.type !== 'identifier' && ref.type !== 'selector_expression') continue;
    if (model.storageKey(ref) !== storage) continue;
    const r = classify(model, ref);
    if (r) out.push(r);
  }
  byStorage.set(storage, out);
  return out;
}


function classify(model: PackageModel, ref: Node): Reader | undefined {
  let e: Node = ref;
  while (e.parent?.type === 'parenthesized_expression') e = e.parent;
  const p = e.parent;
  if (!p) return undefined;
  // len(m)
  if (p.type === 'argument_list' && p.parent?.child('function')?.text === 'len') return { kind: 'len', node: p.parent };
  // for k, v := range m
  if (p.type === 'range_clause' && e.field === 'right') {
    const v = p.child('left')?.namedChildren[1];
    if (v && v.text !== '_' && isUsed(model, v)) return { kind: 'range-value', node: p };
    return undefined;
  }
  if (p.type !== 'index_expression' || e.field !== 'operand') return undefined;
  const ix = p;
  let top: Node = ix;
  while (top.parent?.type === 'parenthesized_expression') top = top.parent;
  const holder = top.parent;
  // Writes are not reads.
  if (holder?.type === 'expression_list' && holder.field === 'left') return undefined;
  // Comma-ok: v, ok := m[k] / _, ok = m[k]
  if (holder?.type === 'expression_list' && holder.field === 'right' && (holder.parent?.type === 'short_var_declaration' || holder.parent?.type === 'assignment_statement')) {
    const stmt = holder.parent;
    const left = stmt.child('left')?.namedChildren ?? [];
    const right = holder.namedChildren;
    if (left.length === 2 && right.length === 1) {
      const [v] = left as [Node, Node];
      if (v.text === '_') return { kind: 'presence-check', node: stmt };
      const ok = left[1] as Node;
      if (nilTested(model, v, stmt)) return { kind: 'comma-ok-nil-test', node: stmt };
      if (ok.text === '_') return valueRead(model, v, stmt);
      return { kind: 'comma-ok-live', node: stmt };
    }
    const i = right.indexOf(top);
    const v = left.length === right.length ? left[i] : undefined;
    if (v && v.type === 'identifier' && v.text !== '_') return valueRead(model, v, stmt);
    return undefined;
  }
  // m[k] == nil / m[k] != nil
  if (holder?.type === 'binary_expression' && isNilComparison(holder)) return { kind: 'nil-as-absent', node: holder };
  return undefined;
}

/** A single-value read into `v`: does code compare `v` with nil? */
function valueRead(model: PackageModel, v: Node, stmt: Node): Reader | undefined {
  return nilTested(model, v, stmt) ? { kind: 'nil-as-absent', node: stmt } : undefined;
}

function isNilComparison(b: Node): boolean {
  const op = b.child('operator')?.type;
  if (op !== '==' && op !== '!=') return false;
  return stripParens(b.child('left') as Node).type === 'nil' || stripParens(b.child('right') as Node).type === 'nil';
}

/** Whether the variable declared by `ident` is compared with nil somewhere. */
function nilTested(model: PackageModel, ident: Node, _stmt: Node): boolean {
  const sym = ident.type === 'identifier' ? model.resolve(ident) : undefined;
  if (!sym) return false;
  return model.references(sym).some((r) => {
    let e: Node = r;
    while (e.parent?.type === 'parenthesized_expression') e = e.parent;
    return e.parent?.type === 'binary_expression' && isNilComparison(e.parent);
  });
}

function isUsed(model: PackageModel, ident: Node): boolean {
  const sym = ident.type === 'identifier' ? model.resolve(ident) : undefined;
  return sym !== undefined && model.references(sym).some((r) => r !== sym.ident);
}

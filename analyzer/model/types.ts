/**
 * Go types, as far as syntax can establish them. `unknown` is a first-class answer: every query
 * below returns undefined/false for it, and rules stay silent on it.
 */
import type { Node } from '../syntax/node.js';

export type Type =
  | UnknownType
  | NilType
  | BasicType
  | MapType
  | SliceType
  | ArrayType
  | PointerType
  | ChanType
  | FuncType
  | StructType
  | InterfaceType
  | NamedType
  | TypeParamType
  | TupleType;

export interface UnknownType {
  readonly kind: 'unknown';
}
/** The type of the predeclared `nil` before it meets a context. */
export interface NilType {
  readonly kind: 'nil';
}
export interface BasicType {
  readonly kind: 'basic';
  /** `int`, `string`, `float64`, ..., or `untyped int`/`untyped float`/... for constants. */
  readonly name: string;
}
export interface MapType {
  readonly kind: 'map';
  readonly key: Type;
  readonly value: Type;
}
export interface SliceType {
  readonly kind: 'slice';
  readonly elem: Type;
}
export interface ArrayType {
  readonly kind: 'array';
  readonly elem: Type;
}
export interface PointerType {
  readonly kind: 'pointer';
  readonly elem: Type;
}
export interface ChanType {
  readonly kind: 'chan';
  readonly elem: Type;
}
export interface FuncType {
  readonly kind: 'func';
  readonly params: readonly Type[];
  readonly results: readonly Type[];
  readonly variadic: boolean;
}
export interface Field {
  readonly name: string;
  readonly type: Type;
  readonly embedded: boolean;
  readonly tag: string | undefined;
  /** The field's name identifier (or the embedded type) in the struct declaration. */
  readonly decl: Node | undefined;
}
export interface StructType {
  readonly kind: 'struct';
  readonly fields: readonly Field[];
}
export interface InterfaceType {
  readonly kind: 'interface';
  /** Method names declared or embedded (as far as known). */
  readonly methods: readonly string[];
  /**
   * Type terms of a constraint (`~map[K]V | map[K]V`), or null for an ordinary method-set
   * interface. An interface embedding something unknown has `incomplete` set.
   */
  readonly terms: readonly Type[] | null;
  readonly incomplete: boolean;
}
export interface NamedType {
  readonly kind: 'named';
  /** Import path of the declaring package; '' for the package being analysed. */
  readonly pkg: string;
  readonly name: string;
  readonly args: readonly Type[];
  /** The underlying type, resolved on demand (named types may be recursive). */
  underlying(): Type;
  /** The type_spec declaring it, for types of the analysed package. */
  readonly decl: Node | undefined;
}
export interface TypeParamType {
  readonly kind: 'typeParam';
  readonly name: string;
  readonly decl: Node | undefined;
  constraint(): Type;
}
/** The results of a call returning several values. */
export interface TupleType {
  readonly kind: 'tuple';
  readonly types: readonly Type[];
}

export const UNKNOWN: UnknownType = { kind: 'unknown' };
export const NIL: NilType = { kind: 'nil' };

const basics = new Map<string, BasicType>();
export function basic(name: string): BasicType {
  let t = basics.get(name);
  if (!t) basics.set(name, (t = { kind: 'basic', name }));
  return t;
}

export const BOOL = basic('bool');
export const INT = basic('int');
export const STRING = basic('string');

export const PREDECLARED_TYPES = new Set([
  'bool', 'byte', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16',
  'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'any', 'comparable',
]);

export function isUnknown(t: Type): boolean {
  return t.kind === 'unknown';
}

/** The underlying type: named types unwrapped (bounded, so a cyclic declaration cannot loop). */
export function underlying(t: Type): Type {
  let cur = t;
  for (let i = 0; i < 32 && cur.kind === 'named'; i++) cur = cur.underlying();
  return cur.kind === 'named' ? UNKNOWN : cur;
}

/**
 * The core type used for indexing, ranging and `make`: the underlying type, and for a type
 * parameter the single underlying type its constraint allows (`~map[K]V`), if there is one.
 */
export function coreType(t: Type): Type {
  const u = underlying(t);
  if (u.kind !== 'typeParam') return u;
  const c = underlying(u.constraint());
  if (c.kind !== 'interface' || !c.terms || c.terms.length === 0 || c.incomplete) return UNKNOWN;
  let core: Type | undefined;
  for (const term of c.terms) {
    const tu = underlying(term);
    if (tu.kind === 'unknown' || tu.kind === 'typeParam') return UNKNOWN;
    if (core && !sameShape(core, tu)) return UNKNOWN;
    core ??= tu;
  }
  return core ?? UNKNOWN;
}

function sameShape(a: Type, b: Type): boolean {
  return a.kind === b.kind;
}

/** The map type behind `t` (named map types, aliases and `~map` constraints included). */
export function asMap(t: Type): MapType | undefined {
  const c = coreType(t);
  return c.kind === 'map' ? c : undefined;
}

/** Follows one pointer if there is one: field selection and method calls auto-dereference. */
export function derefPointer(t: Type): Type {
  const u = underlying(t);
  return u.kind === 'pointer' ? u.elem : t;
}

/** A named type from a known package (`isNamed(t, 'sync', 'Mutex')`), through one pointer if `throughPointer`. */
export function isNamed(t: Type, pkg: string, name: string, throughPointer = false): boolean {
  let cur = t;
  if (throughPointer) {
    if (cur.kind === 'pointer') cur = cur.elem;
  }
  return cur.kind === 'named' && cur.pkg === pkg && cur.name === name;
}

export type Nilability = 'nilable' | 'not-nilable' | 'interface' | 'unknown';

/**
 * Whether `nil` is a value of this type: pointers, slices, maps, funcs, chans (and named types of
 * them) are `nilable`; interfaces are reported separately because nil there is usually a value.
 */
export function nilability(t: Type): Nilability {
  const u = underlying(t);
  switch (u.kind) {
    case 'pointer':
    case 'slice':
    case 'map':
    case 'func':
    case 'chan':
      return 'nilable';
    case 'interface':
      return 'interface';
    case 'basic':
      if (u.name === 'error') return 'interface';
      if (u.name === 'unsafe.Pointer') return 'nilable';
      return 'not-nilable';
    case 'struct':
    case 'array':
      return 'not-nilable';
    case 'typeParam': {
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/**
 * Whether `==` on the type is reflexive (x == x for every x). Floats, complex numbers and
 * interfaces (which may hold them) are not: a NaN key can never be found again, so
 * `for k := range m { delete(m, k) }` leaves NaN keys behind while `clear(m)` removes them.
 * Returns undefined when the type is not known well enough to say.
 */
export function hasReflexiveEquality(t: Type, depth = 0): boolean | undefined {
  if (depth > 16) return undefined;
  const u = underlying(t);
  switch (u.kind) {
    case 'basic':
      if (/^(float32|float64|complex64|complex128|untyped float|untyped complex)$/.test(u.name)) return false;
      if (u.name === 'error') return false;
      return true;
    case 'pointer':
    case 'chan':
      return true;
    case 'interface':
      return false;
    case 'array':
      return hasReflexiveEquality(u.elem, depth + 1);
    case 'struct': {
      for (const f of u.fields) {
        const r = hasReflexiveEquality(f.type, depth + 1);
        if (r !== true) return r;
      }
      return true;
    }
    case 'typeParam':
      return undefined;
    default:
      return undefined;
  }
}

/** Go-like spelling for messages (`map[string][]int`, `*sync.Mutex`). */
export function typeString(t: Type, depth = 0): string {
  if (depth > 8) return '…';
  const d = depth + 1;
  switch (t.kind) {
    case 'unknown':
      return '?';
    case 'nil':
      return 'untyped nil';
    case 'basic':
      return t.name;
    case 'map':
      return `map[${typeString(t.key, d)}]${typeString(t.value, d)}`;
    case 'slice':
      return `[]${typeString(t.elem, d)}`;
    case 'array':
      return `[…]${typeString(t.elem, d)}`;
    case 'pointer':
      return `*${typeString(t.elem, d)}`;
    case 'chan':
      return `chan ${typeString(t.elem, d)}`;
    case 'func':
      return `func(${t.params.map((p) => typeString(p, d)).join(', ')})`;
    case 'struct':
      return 'struct{…}';
    case 'interface':
      return t.methods.length === 0 && !t.terms ? 'interface{}' : 'interface{…}';
    case 'named': {
      const base = t.pkg ? `${t.pkg.slice(t.pkg.lastIndexOf('/') + 1)}.${t.name}` : t.name;
      return t.args.length ? `${base}[${t.args.map((a) => typeString(a, d)).join(', ')}]` : base;
    }
    case 'typeParam':
      return t.name;
    case 'tuple':
      return `(${t.types.map((x) => typeString(x, d)).join(', ')})`;
  }
}

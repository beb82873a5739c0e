/**
 * What a name refers to. Symbols are created once per declaring identifier, so two references
 * resolve to the same object exactly when they name the same variable.
 */
import type { Node } from '../syntax/node.js';

export type SymbolKind = 'var' | 'const' | 'type' | 'func' | 'import' | 'builtin' | 'nil';

export type VarRole =
  | 'local'
  | 'package'
  | 'param'
  | 'result'
  | 'receiver'
  | 'range'
  | 'type-switch'
  | 'select-recv';

export interface GoSymbol {
  readonly kind: SymbolKind;
  readonly name: string;
  /** The declaring identifier; undefined for builtins and predeclared names. */
  readonly ident: Node | undefined;
  /**
   * The declaring construct: short_var_declaration, var_spec, const_spec, type_spec, type_alias,
   * parameter_declaration, range_clause, function_declaration, import_spec, ...
   */
  readonly decl: Node | undefined;
  readonly role: VarRole | undefined;
  /** The function (declaration or literal) whose body scopes it; undefined at package level. */
  readonly owner: Node | undefined;
  /** Position of the name among the names its declaration introduces (`a, b := ...`). */
  readonly index: number;
  /** For imports: the import path. */
  readonly importPath?: string;
  /** For type-switch variables: the case clause whose copy of the variable this is. */
  readonly caseClause?: Node;
}

export const BUILTIN_FUNCS = new Set([
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max',
  'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
]);

const universe = new Map<string, GoSymbol>();

/** Predeclared identifiers: builtin functions, `nil`, `true`/`false`/`iota`, predeclared types. */
export function universeSymbol(name: string): GoSymbol | undefined {
  let s = universe.get(name);
  if (s) return s;
  let kind: SymbolKind | undefined;
  if (BUILTIN_FUNCS.has(name)) kind = 'builtin';
  else if (name === 'nil') kind = 'nil';
  else if (name === 'true' || name === 'false' || name === 'iota') kind = 'const';
  else if (PREDECLARED.has(name)) kind = 'type';
  if (!kind) return undefined;
  s = { kind, name, ident: undefined, decl: undefined, role: undefined, owner: undefined, index: 0 };
  universe.set(name, s);
  return s;
}

const PREDECLARED = new Set([
  'bool', 'byte', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16',
  'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'any', 'comparable',
]);

export function isBuiltin(sym: GoSymbol | undefined, name: string): boolean {
  return sym !== undefined && sym.kind === 'builtin' && sym.name === name;
}

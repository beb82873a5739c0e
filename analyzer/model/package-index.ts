/**
 * Package-level declarations of every file of a package: values, types, methods by receiver type,
 * and each file's imports. Built from the top level of each file only (function bodies stay
 * unparsed in the mirror until something needs them).
 */
import type { GoFile } from '../syntax/go-file.js';
import type { Node } from '../syntax/node.js';
import type { GoSymbol, SymbolKind } from './symbols.js';

export interface MethodDecl {
  readonly name: string;
  /** The method_declaration node. */
  readonly node: Node;
  /** The receiver's declared name, if any (`s` in `func (s *S)`). */
  readonly receiverName: string | undefined;
  readonly pointerReceiver: boolean;
}

export class PackageIndex {
  /** Package-level vars, consts, funcs and types by name (the first declaration wins). */
  readonly symbols = new Map<string, GoSymbol>();
  /** Methods by receiver base type name, then by method name. */
  readonly methods = new Map<string, Map<string, MethodDecl>>();
  /** Every function and method declaration of the package, in file order. */
  readonly functions: Node[] = [];
  private readonly imports = new Map<GoFile, Map<string, GoSymbol>>();
  private readonly dotImports = new Map<GoFile, string[]>();

  constructor(readonly files: readonly GoFile[]) {
    for (const file of files) this.indexFile(file);
  }

  /** The import a name refers to in `file` (`http` → net/http). */
  importNamed(file: GoFile, name: string): GoSymbol | undefined {
    return this.imports.get(file)?.get(name);
  }

  methodsOf(typeName: string): ReadonlyMap<string, MethodDecl> | undefined {
    return this.methods.get(typeName);
  }

  /** Whether `file` dot-imports a package: unresolved names may then come from it. */
  hasDotImport(file: GoFile): boolean {
    return (this.dotImports.get(file)?.length ?? 0) > 0;
  }

  private indexFile(file: GoFile): void {
    const imports = new Map<string, GoSymbol>();
    this.imports.set(file, imports);
    for (const top of file.root.children) {
      switch (top.type) {
        case 'import_declaration':
          for (const spec of importSpecs(top)) {
            const pathNode = spec.child('path');
            if (!pathNode) continue;
            const path = pathNode.text.replace(/^["`]|["`]$/g, '');
            const nameNode = spec.child('name');
            if (nameNode?.type === 'dot') {
              const list = this.dotImports.get(file) ?? [];
              list.push(path);
              this.dotImports.set(file, list);
              continue;
            }
            if (nameNode?.type === 'blank_identifier') continue;
            const name = nameNode ? nameNode.text : defaultImportName(path);
            imports.set(name, sym('import', name, nameNode, spec, 0, path));
          }
          break;
        case 'function_declaration': {
          const name = top.child('name');
          this.functions.push(top);
          if (name && name.text !== '_' && name.text !== 'init') this.add(sym('func', name.text, name, top, 0));
          break;
        }
        case 'method_declaration': {
          this.functions.push(top);
          const name = top.child('name');
          const recv = receiverInfo(top);
          if (!name || !recv) break;
          let byName = this.methods.get(recv.typeName);
          if (!byName) this.methods.set(recv.typeName, (byName = new Map()));
          if (!byName.has(name.text)) {
            byName.set(name.text, { name: name.text, node: top, receiverName: recv.receiverName, pointerReceiver: recv.pointer });
          }
          break;
        }
        case 'var_declaration':
        case 'const_declaration':
          for (const spec of specs(top)) {
            const kind: SymbolKind = spec.type === 'var_spec' ? 'var' : 'const';
            spec.childrenOf('name').forEach((n, i) => {
              if (n.text !== '_') this.add(sym(kind, n.text, n, spec, i));
            });
          }
          break;
        case 'type_declaration':
          for (const spec of top.namedChildren) {
            if (spec.type !== 'type_spec' && spec.type !== 'type_alias') continue;
            const n = spec.child('name');
            if (n) this.add(sym('type', n.text, n, spec, 0));
          }
          break;
      }
    }
  }

  private add(s: GoSymbol): void {
    if (!this.symbols.has(s.name)) this.symbols.set(s.name, s);
  }
}

function sym(kind: SymbolKind, name: string, ident: Node | undefined, decl: Node, index: number, importPath?: string): GoSymbol {
  return {
    kind,
    name,
    ident,
    decl,
    role: kind === 'var' ? 'package' : undefined,
    owner: undefined,
    index,
    ...(importPath !== undefined ? { importPath } : {}),
  };
}

function importSpecs(decl: Node): Node[] {
  const out: Node[] = [];
  for (const c of decl.namedChildren) {
    if (c.type === 'import_spec') out.push(c);
    else if (c.type === 'import_spec_list') out.push(...c.namedChildren.filter((s) => s.type === 'import_spec'));
  }
  return out;
}

/** var_spec / const_spec children of a declaration, grouped or not. */
export function specs(decl: Node): Node[] {
  const out: Node[] = [];
  for (const c of decl.namedChildren) {
    if (c.type === 'var_spec' || c.type === 'const_spec') out.push(c);
    else if (c.type === 'var_spec_list') out.push(...c.namedChildren.filter((s) => s.type === 'var_spec'));
  }
  return out;
}

/**
 * The name an import binds without an explicit name: the last path element, minus the
 * conventional `.vN` / `go-` decorations. (The real name is the imported package's clause, which
 * is not read; an unmatched guess only makes names unresolved, and unresolved means unknown.)
 */
export function defaultImportName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1] ?? path;
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2] ?? last;
  last = last.replace(/\.v\d+$/, '').replace(/^go-/, '').replace(/-go$/, '');
  return last.replace(/[.-]/g, '_');
}

/** The receiver's base type name and variable name of a method declaration. */
export function receiverInfo(method: Node): { typeName: string; receiverName: string | undefined; pointer: boolean } | undefined {
  const list = method.child('receiver');
  const param = list?.namedChildren.find((c) => c.type === 'parameter_declaration');
  if (!param) return undefined;
  let t = param.child('type');
  let pointer = false;
  while (t && (t.type === 'pointer_type' || t.type === 'parenthesized_type')) {
    if (t.type === 'pointer_type') pointer = true;
    t = t.namedChildren[0];
  }
  if (t?.type === 'generic_type') t = t.child('type');
  if (!t || t.type !== 'type_identifier') return undefined;
  const name = param.child('name');
  return { typeName: t.text, receiverName: name && name.text !== '_' ? name.text : undefined, pointer };
}

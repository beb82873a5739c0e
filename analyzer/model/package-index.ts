/**
 * Package-level declarations of every file of a package: values, types, methods by receiver type,
 * and each file's imports. Built from the top level of each file only (function bodies are never
 * mirrored for it; function and method headers are read from the text), and cached per file, so
 * in the editor only the edited file is indexed again.
 */
import type { GoFile } from '../syntax/go-file.js';
import { scanTopLevel, type TopLevelDeclarations } from '../syntax/top-level-scan.js';
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

/**
 * What one file contributes to its package's index; cached per mirrored file root (files outlive
 * edits of others; a released and re-mirrored file gets new nodes, so a new entry).
 */
interface FileIndex {
  readonly symbols: GoSymbol[];
  readonly methods: Array<[string, MethodDecl]>;
  readonly imports: Map<string, GoSymbol>;
  readonly dotImports: string[];
}

const fileIndexes = new WeakMap<Node, FileIndex>();

export class PackageIndex {
  private readonly symbolCache = new Map<string, GoSymbol | null>();
  private readonly methodCache = new Map<string, Map<string, MethodDecl>>();

  constructor(private readonly files: readonly GoFile[]) {}

  /**
   * The package-level var, const, func or type named `name` (the first declaration in file
   * order wins). Only files whose text may declare the name are parsed for it.
   */
  lookup(name: string): GoSymbol | undefined {
    const cached = this.symbolCache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    let found: GoSymbol | undefined;
    for (const file of this.files) {
      if (!mayDeclare(file, name)) continue;
      found = fileIndex(file).symbols.find((s) => s.name === name);
      if (found) break;
    }
    this.symbolCache.set(name, found ?? null);
    return found;
  }

  /** The import a name refers to in `file` (`http` → net/http). */
  importNamed(file: GoFile, name: string): GoSymbol | undefined {
    return fileIndex(file).imports.get(name);
  }

  /** Methods declared on the named type `typeName`, by name. */
  methodsOf(typeName: string): ReadonlyMap<string, MethodDecl> | undefined {
    let byName = this.methodCache.get(typeName);
    if (!byName) {
      byName = new Map();
      for (const file of this.files) {
        if (!mayDeclareMethodOf(file, typeName)) continue;
        for (const [t, m] of fileIndex(file).methods) if (t === typeName && !byName.has(m.name)) byName.set(m.name, m);
      }
      this.methodCache.set(typeName, byName);
    }
    return byName.size > 0 ? byName : undefined;
  }

  /** Whether `file` dot-imports a package: unresolved names may then come from it. */
  hasDotImport(file: GoFile): boolean {
    return fileIndex(file).dotImports.length > 0;
  }
}

function fileIndex(file: GoFile): FileIndex {
  let fi = fileIndexes.get(file.root);
  if (!fi) fileIndexes.set(file.root, (fi = indexFile(file)));
  return fi;
}

const scans = new WeakMap<GoFile, TopLevelDeclarations>();

/** What the file declares at package level, read by a lexer (no parse): see top-level-scan.ts. */
function topLevel(file: GoFile): TopLevelDeclarations {
  let d = scans.get(file);
  if (!d) scans.set(file, (d = scanTopLevel(file.text)));
  return d;
}

/** Whether the file may declare `name` at package level (never false for a real declaration). */
export function mayDeclare(file: GoFile, name: string): boolean {
  return topLevel(file).names.has(name);
}

/** Whether the file may declare a method on `typeName` (never false for a real method). */
export function mayDeclareMethodOf(file: GoFile, typeName: string): boolean {
  return topLevel(file).receiverTypes.has(typeName);
}

/** Every package-level name the file declares (for tests of `mayDeclare`). */
export function declaredNames(file: GoFile): string[] {
  return fileIndex(file).symbols.map((s) => s.name);
}

/** Every method of the file with its receiver type (for tests of `mayDeclareMethodOf`). */
export function declaredMethods(file: GoFile): Array<[string, string]> {
  return fileIndex(file).methods.map(([t, m]) => [t, m.name]);
}

const IDENT = '[\\p{L}_][\\p{L}\\p{Nd}_]*';
/** `func (r *T[K]) Name` — read from the text, so a method's children need not be mirrored. */
const METHOD_HEADER = new RegExp(`^func\\s*\\(\\s*(?:(${IDENT})\\s+)?(\\*?)\\s*(${IDENT})\\s*(?:\\[[^\\]]*\\])?\\s*\\)\\s*(${IDENT})`, 'u');
const FUNC_HEADER = new RegExp(`^func\\s+(${IDENT})`, 'u');

function indexFile(file: GoFile): FileIndex {
  const fi: FileIndex = { symbols: [], methods: [], imports: new Map(), dotImports: [] };
  for (const top of file.root.children) {
    switch (top.type) {
      case 'import_declaration':
        for (const spec of importSpecs(top)) {
          const pathNode = spec.child('path');
          if (!pathNode) continue;
          const path = pathNode.text.replace(/^["`]|["`]$/g, '');
          const nameNode = spec.child('name');
          if (nameNode?.type === 'dot') {
            fi.dotImports.push(path);
            continue;
          }
          if (nameNode?.type === 'blank_identifier') continue;
          const name = nameNode ? nameNode.text : defaultImportName(path);
          fi.imports.set(name, sym('import', name, nameNode, spec, 0, path));
        }
        break;
      case 'function_declaration': {
        const m = FUNC_HEADER.exec(file.text.slice(top.start, Math.min(top.end, top.start + 256)));
        const name = m ? (m[1] as string) : top.child('name')?.text;
        if (name && name !== '_' && name !== 'init') fi.symbols.push(lazyFuncSymbol(name, top));
        break;
      }
      case 'method_declaration': {
        const m = METHOD_HEADER.exec(file.text.slice(top.start, Math.min(top.end, top.start + 512)));
        if (m) {
          fi.methods.push([m[3] as string, { name: m[4] as string, node: top, receiverName: m[1] && m[1] !== '_' ? m[1] : undefined, pointerReceiver: m[2] === '*' }]);
          break;
        }
        // A comment or line break inside the header: read the syntax instead.
        const name = top.child('name');
        const recv = receiverInfo(top);
        if (name && recv) fi.methods.push([recv.typeName, { name: name.text, node: top, receiverName: recv.receiverName, pointerReceiver: recv.pointer }]);
        break;
      }
      case 'var_declaration':
      case 'const_declaration':
        for (const spec of specs(top)) {
          const kind: SymbolKind = spec.type === 'var_spec' ? 'var' : 'const';
          spec.childrenOf('name').forEach((n, i) => {
            if (n.text !== '_') fi.symbols.push(sym(kind, n.text, n, spec, i));
          });
        }
        break;
      case 'type_declaration':
        for (const spec of top.namedChildren) {
          if (spec.type !== 'type_spec' && spec.type !== 'type_alias') continue;
          const n = spec.child('name');
          if (n) fi.symbols.push(sym('type', n.text, n, spec, 0));
        }
        break;
    }
  }
  return fi;
}

/** A function symbol whose identifier node is looked up only when someone asks for it. */
function lazyFuncSymbol(name: string, decl: Node): GoSymbol {
  let ident: Node | undefined | null = null;
  return {
    kind: 'func',
    name,
    get ident(): Node | undefined {
      if (ident === null) ident = decl.child('name');
      return ident;
    },
    decl,
    role: undefined,
    owner: undefined,
    index: 0,
  };
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

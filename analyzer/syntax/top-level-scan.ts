/**
 * The names a Go file declares at package level, and its methods' receiver types, read by a small
 * lexer instead of the parser: the package index uses it to parse only the files that declare a
 * name it looks up. One linear pass over the text (comments, strings and runes skipped; brackets
 * counted so that function bodies, signatures and literals are passed over).
 *
 * For code that parses it finds exactly the declarations the syntax tree has (tested against the
 * tree on the testdata and the Go standard library).
 */

export interface TopLevelDeclarations {
  /** Package-level funcs, vars, consts and types. */
  readonly names: ReadonlySet<string>;
  /** Receiver base type names of the methods declared in the file. */
  readonly receiverTypes: ReadonlySet<string>;
}

type Token =
  | { readonly kind: 'ident'; readonly text: string }
  | { readonly kind: 'punct'; readonly text: string }
  | { readonly kind: 'newline' }
  | { readonly kind: 'other' };

/** Identifier characters: ASCII letters, digits, `_`, and any non-ASCII character. */
function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

function* tokens(text: string): Generator<Token> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      yield { kind: 'newline' };
      i++;
    } else if (c === 32 || c === 9 || c === 13 || c === 0xfeff) {
      i++;
    } else if (c === 47 && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? n : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const end = text.indexOf('*/', i + 2);
      // A block comment containing a line break acts as a newline.
      if (end < 0 || text.slice(i, end).includes('\n')) yield { kind: 'newline' };
      i = end < 0 ? n : end + 2;
    } else if (c === 34 || c === 39) {
      // "…" or '…' with escapes, ending at the quote or the line's end.
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92) j += 2;
        else if (d === c || d === 10) break;
        else j++;
      }
      i = j + 1;
      yield { kind: 'other' };
    } else if (c === 96) {
      const end = text.indexOf('`', i + 1);
      i = end < 0 ? n : end + 1;
      yield { kind: 'other' };
    } else if (isIdentChar(c) && !(c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      yield { kind: 'ident', text: text.slice(i, j) };
      i = j;
    } else if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < n && (isIdentChar(text.charCodeAt(j)) || text.charCodeAt(j) === 46)) j++;
      i = j;
      yield { kind: 'other' };
    } else {
      yield { kind: 'punct', text: text[i] as string };
      i++;
    }
  }
}

export function scanTopLevel(text: string): TopLevelDeclarations {
  const names = new Set<string>();
  const receiverTypes = new Set<string>();
  let depth = 0; // (), [] and {} together
  let state: 'start' | 'func' | 'receiver' | 'method-name' | 'decl' | 'group' | 'spec' | 'rest' = 'start';
  let keyword = '';
  let receiverIdents: string[] = [];
  let receiverDepth = 0;
  let receiverSquare = 0; // inside [...] of the receiver: type arguments, not the type

  let specExpectName = true;
  for (const t of tokens(text)) {
    // Track nesting everywhere: declarations only happen at depth 0 (or depth 1 inside a group).
    if (t.kind === 'punct' && (t.text === '(' || t.text === '[' || t.text === '{')) {
      depth++;
      if (state === 'func' && t.text === '(') {
        state = 'receiver';
        receiverIdents = [];
        receiverDepth = depth;
        receiverSquare = 0;
        continue;
      }
      if (state === 'receiver' && t.text === '[') receiverSquare++;
      if (state === 'decl' && t.text === '(') {
        state = 'group';
        specExpectName = true;
        continue;
      }
      if (state === 'decl') state = 'rest';
      continue;
    }
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']' || t.text === '}')) {
      depth = Math.max(0, depth - 1);
      if (state === 'receiver' && t.text === ']') receiverSquare = Math.max(0, receiverSquare - 1);
      if (state === 'receiver' && depth === receiverDepth - 1) {
        const type = receiverIdents.length >= 2 ? receiverIdents[1] : receiverIdents[0];
        if (type) receiverTypes.add(type);
        state = 'method-name';
      } else if ((state === 'group' || state === 'spec') && depth === 0) {
        state = 'rest';
      }
      continue;
    }
    if (state === 'receiver') {
      // `[name] [*] Type`, possibly parenthesised — not the type arguments in [...].
      if (t.kind === 'ident' && receiverSquare === 0) receiverIdents.push(t.text);
      continue;
    }
    // A declaration starts a statement: only after a newline or `;` at the top level (a `func`
    // inside `var f []func()` is a type, not a declaration).
    if (depth === 0 && (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) && state !== 'group' && state !== 'spec') {
      state = 'start';
      continue;
    }
    if (depth === 0 && state === 'start') {
      if (t.kind === 'ident' && (t.text === 'func' || t.text === 'var' || t.text === 'const' || t.text === 'type')) {
        keyword = t.text;
        state = t.text === 'func' ? 'func' : 'decl';
        specExpectName = true;
      } else {
        state = 'rest';
      }
      continue;
    }
    if (depth === 0 && state === 'rest') continue;
    switch (state) {
      case 'func':
        if (t.kind === 'ident') names.add(t.text);
        state = 'rest';
        break;
      case 'method-name':
        state = 'rest';
        break;
      case 'decl':
        // A single spec: `var a, b T = …`, `type T …`
        if (t.kind === 'ident' && specExpectName) {
          names.add(t.text);
          specExpectName = false;
          if (keyword === 'type') state = 'rest';
        } else if (t.kind === 'punct' && t.text === ',' && keyword !== 'type') {
          specExpectName = true;
        } else if (t.kind !== 'newline') {
          state = 'rest';
        }
        break;
      case 'group':
      case 'spec':
        if (depth !== 1) break; // inside a value or a type within the group
        if (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';')) {
          state = 'group';
          specExpectName = true;
        } else if (state === 'group' && t.kind === 'ident' && specExpectName) {
          names.add(t.text);
          specExpectName = false;
          state = keyword === 'type' ? 'spec' : 'group';
        } else if (state === 'group' && t.kind === 'punct' && t.text === ',' && keyword !== 'type') {
          specExpectName = true;
        } else {
          state = 'spec';
          specExpectName = false;
        }
        break;
      default:
        break;
    }
  }
  return { names, receiverTypes };
}

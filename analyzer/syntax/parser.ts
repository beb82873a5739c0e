/**
 * The one place that talks to tree-sitter's parser. Everything above this module works on the
 * mirrored syntax in `node.ts`; tree-sitter objects do not leak further than `source-file.ts`.
 */
import Parser from 'tree-sitter';
import Go from 'tree-sitter-go';

export type Tree = Parser.Tree;
export type TsNode = Parser.SyntaxNode;
export type TsCursor = Parser.TreeCursor;
export type TsEdit = Parser.Edit;
export type TsPoint = Parser.Point;

let shared: Parser | undefined;
let charactersParsed = 0;

function parser(): Parser {
  if (!shared) {
    shared = new Parser();
    shared.setLanguage(Go as unknown as Parser.Language);
  }
  return shared;
}

/**
 * Parses Go source. `oldTree` (already `edit`ed) enables tree-sitter's incremental re-parse.
 * The whole text is handed over in one buffer: the binding otherwise re-slices the string per chunk.
 */
export function parseGo(text: string, oldTree?: Tree): Tree {
  charactersParsed += text.length;
  return parser().parse(text, oldTree ?? null, { bufferSize: text.length * 2 + 1024 });
}

/** Characters parsed on this thread so far: how much native tree memory has been allocated. */
export function parsedCharacters(): number {
  return charactersParsed;
}

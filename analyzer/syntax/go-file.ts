/**
 * One Go source file: its text, its lines, and (lazily) its syntax tree and mirrored nodes.
 */
import { LineIndex, type Position } from './line-index.js';
import { Node, type NodeSource } from './node.js';
import { parseGo, type Tree, type TsCursor } from './parser.js';

export class GoFile implements NodeSource {
  private lineIndex: LineIndex | undefined;
  private parsed: Tree | undefined;
  private mirror: Node | undefined;
  private cursor: TsCursor | undefined;

  constructor(
    /** Absolute path (or the URI path of an editor buffer). */
    readonly path: string,
    /** Source text without a leading BOM. All offsets index into this string. */
    readonly text: string,
    readonly packageName: string | undefined,
    /** The file on disk starts with a UTF-8 BOM (kept when fixes are written back). */
    readonly hasBom = false,
    tree?: Tree,
  ) {
    this.parsed = tree;
  }

  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.text));
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }

  get tree(): Tree {
    return (this.parsed ??= parseGo(this.text));
  }

  /** True once the file has been parsed (for callers that want to avoid forcing a parse). */
  get isParsed(): boolean {
    return this.parsed !== undefined;
  }

  /** The mirrored `source_file` node; its descendants are copied as they are asked for. */
  get root(): Node {
    if (!this.mirror) {
      const type = this.tree.rootNode.type;
      this.mirror = new Node(this, type, true, 0, this.text.length, null, null, type === 'ERROR', 0);
    }
    return this.mirror;
  }

  cursorAt(descendantIndex: number): TsCursor {
    const cursor = (this.cursor ??= this.tree.walk());
    cursor.gotoDescendant(descendantIndex);
    return cursor;
  }

  /** The deepest node at `[start, end)`. */
  nodeAt(start: number, end = start): Node {
    return this.root.descendantAt(start, end);
  }

  /** Drops the syntax tree and mirror; they are rebuilt if asked for again. */
  release(): void {
    this.parsed = undefined;
    this.mirror = undefined;
    this.cursor = undefined;
  }
}

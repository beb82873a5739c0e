/**
 * One Go source file: its text, its lines, and (lazily) its syntax tree and mirrored nodes.
 */
import { LineIndex, type Position } from './line-index.js';
import { fillChildren, Node, type NodeSource } from './node.js';
import { parseGo, type Tree } from './parser.js';

export class GoFile implements NodeSource {
  private lineIndex: LineIndex | undefined;
  private parsed: Tree | undefined;
  private mirror: Node | undefined;

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

  /**
   * The mirrored `source_file` node. Top-level declarations are copied at once, function bodies
   * on first access.
   */
  get root(): Node {
    if (!this.mirror) {
      const cursor = this.tree.walk();
      const root = new Node(this, cursor.nodeType, true, 0, this.text.length, null, null, cursor.nodeType === 'ERROR');
      fillChildren(root, cursor, true);
      if (root.isError) root.markError();
      this.mirror = root;
    }
    return this.mirror;
  }

  /** The deepest node at `[start, end)`. */
  nodeAt(start: number, end = start): Node {
    return this.root.descendantAt(start, end);
  }

  /** Drops the syntax tree and mirror; they are rebuilt if asked for again. */
  release(): void {
    this.parsed = undefined;
    this.mirror = undefined;
  }
}

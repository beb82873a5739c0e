/**
 * A plain-JavaScript mirror of tree-sitter's syntax tree, built lazily one level at a time.
 *
 * Reading a node through the tree-sitter binding costs about a microsecond per property (every
 * access crosses into native code, and `parent` walks down from the root). The analyzer asks many
 * questions of few nodes, so it copies a node's children into these objects the first time they
 * are asked for, and from then on works in plain JavaScript. A node remembers its position in the
 * tree (its descendant index) so its children can be read on demand: looking at one statement of
 * a long function copies the statement lists on the way to it, not the whole function.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets into the file's text (BOM removed): the
 * unit of a JavaScript string index and of tree-sitter's Node binding. They are converted to lines
 * and columns only at the edges (see `line-index.ts`).
 */
import type { TsCursor } from './parser.js';

/** What a node needs from the file that owns it. */
export interface NodeSource {
  readonly text: string;
  /** A cursor on the node with this descendant index (shared: use it before asking again). */
  cursorAt(descendantIndex: number): TsCursor;
}

export class Node {
  private kids: Node[] | undefined;
  private errorInside: boolean | undefined;

  constructor(
    readonly source: NodeSource,
    readonly type: string,
    readonly named: boolean,
    readonly start: number,
    readonly end: number,
    /** The field name this node fills in its parent (`left`, `body`, ...), or null. */
    readonly field: string | null,
    readonly parent: Node | null,
    /** An ERROR node or a MISSING token inserted by error recovery. */
    readonly isError: boolean,
    /** Position in tree-sitter's pre-order numbering of the tree: how to find this node again. */
    private readonly descendantIndex: number,
  ) {}

  /** All children, anonymous tokens (`:=`, `(`) and comments included. */
  get children(): readonly Node[] {
    return (this.kids ??= this.readChildren());
  }

  /** Whether the subtree contains an ERROR or MISSING node (asked of tree-sitter once). */
  get hasError(): boolean {
    if (this.errorInside === undefined) {
      this.errorInside = this.isError || this.source.cursorAt(this.descendantIndex).currentNode.hasError;
    }
    return this.errorInside;
  }

  /** Named children without comments: the nodes a Go reader would call the parts of this one. */
  get namedChildren(): Node[] {
    return this.children.filter((c) => c.named && c.type !== 'comment');
  }

  get text(): string {
    return this.source.text.slice(this.start, this.end);
  }

  /** The first child filling `field`. */
  child(field: string): Node | undefined {
    for (const c of this.children) if (c.field === field) return c;
    return undefined;
  }

  /**
   * Every named child filling `field` (for fields such as a var_spec's `name` that repeat). The
   * grammar also files the separating commas under some fields (a const_spec's names, a type
   * case's types); those tokens are left out.
   */
  childrenOf(field: string): Node[] {
    return this.children.filter((c) => c.field === field && c.named);
  }

  firstNamed(type?: string): Node | undefined {
    for (const c of this.children) {
      if (c.named && c.type !== 'comment' && (type === undefined || c.type === type)) return c;
    }
    return undefined;
  }

  /** An anonymous token child such as `:=` or `...`. */
  hasToken(token: string): boolean {
    for (const c of this.children) if (!c.named && c.type === token) return true;
    return false;
  }

  is(...types: string[]): boolean {
    return types.includes(this.type);
  }

  *ancestors(): Generator<Node> {
    for (let n = this.parent; n; n = n.parent) yield n;
  }

  closest(...types: string[]): Node | undefined {
    for (let n = this.parent; n; n = n.parent) if (types.includes(n.type)) return n;
    return undefined;
  }

  contains(other: Node): boolean {
    return this.source === other.source && this.start <= other.start && other.end <= this.end && this !== other;
  }

  /** True when this node, or any node around or inside it, came from error recovery. */
  get inErrorRegion(): boolean {
    if (this.isError || this.hasError) return true;
    for (let n = this.parent; n; n = n.parent) if (n.isError) return true;
    return false;
  }

  /** Pre-order walk of the subtree (this node included), without recursion. */
  *descendants(): Generator<Node> {
    const stack: Node[] = [this];
    while (stack.length > 0) {
      const n = stack.pop() as Node;
      yield n;
      const kids = n.children;
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Node);
    }
  }

  /**
   * The deepest node containing `[start, end)`; for a point (`end === start`), the deepest node
   * with `node.start <= start < node.end`.
   */
  descendantAt(start: number, end = start): Node {
    let cur: Node = this;
    for (;;) {
      const kids = cur.children;
      // Children are sorted by position: binary-search long lists (a file's top level, a long
      // function body), then look at the few candidates around the hit.
      let i = 0;
      if (kids.length > 8) {
        let lo = 0;
        let hi = kids.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((kids[mid] as Node).start <= start) lo = mid;
          else hi = mid - 1;
        }
        i = Math.max(0, lo - 1);
      }
      let next: Node | undefined;
      for (; i < kids.length; i++) {
        const k = kids[i] as Node;
        if (k.start > start) break;
        const inside = end === start ? start < k.end : end <= k.end;
        if (inside && k.end > k.start) {
          next = k;
          break;
        }
      }
      if (!next) return cur;
      cur = next;
    }
  }

  toString(): string {
    return `${this.type}@${this.start}-${this.end}`;
  }

  private readChildren(): Node[] {
    const kids: Node[] = [];
    const cursor = this.source.cursorAt(this.descendantIndex);
    if (!cursor.gotoFirstChild()) return kids;
    do {
      const symbol = symbolOf(cursor);
      const start = cursor.startIndex;
      const end = cursor.endIndex;
      const fieldId = cursor.currentFieldId;
      const field = fieldId === 0 ? null : fieldName(cursor, fieldId);
      // A MISSING token (inserted by error recovery) is always empty.
      const isError = symbol.type === 'ERROR' || (start === end && cursor.nodeIsMissing);
      kids.push(new Node(this.source, symbol.type, symbol.named, start, end, field, this, isError, cursor.currentDescendantIndex));
    } while (cursor.gotoNextSibling());
    return kids;
  }
}

/**
 * Node types and field names by their numeric ids, learnt as they are met: reading a number
 * through the binding is cheaper than reading (and allocating) a string, and the kind of a node
 * (its type and whether it is named) is a function of its symbol id.
 */
interface SymbolInfo {
  readonly type: string;
  readonly named: boolean;
}
const SYMBOLS = new Map<number, SymbolInfo>();
const FIELD_NAMES = new Map<number, string | null>();

function symbolOf(cursor: TsCursor): SymbolInfo {
  const id = cursor.nodeTypeId;
  let info = SYMBOLS.get(id);
  if (!info) SYMBOLS.set(id, (info = { type: cursor.nodeType, named: cursor.nodeIsNamed }));
  return info;
}

function fieldName(cursor: TsCursor, id: number): string | null {
  let name = FIELD_NAMES.get(id);
  if (name === undefined) FIELD_NAMES.set(id, (name = cursor.currentFieldName ?? null));
  return name;
}

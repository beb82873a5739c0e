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
      const next = childAt(cur.children, start, end);
      if (!next) return cur;
      cur = next;
    }
  }

  /**
   * `descendantAt` of the root, searched from this node instead: up to the nearest ancestor that
   * contains the range, then down. Scanning a text for several nodes in order, the next one is
   * usually close to the previous one (in code nested 10,000 deep, a walk from the root is not).
   */
  nearestAt(start: number, end = start): Node {
    let from: Node = this;
    while (from.parent && !from.containsRange(start, end)) from = from.parent;
    return from.descendantAt(start, end);
  }

  /** Whether `descendantAt` would descend into this node for `[start, end)`. */
  private containsRange(start: number, end: number): boolean {
    if (this.end === this.start || this.start > start) return false;
    return end === start ? start < this.end : end <= this.end;
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

/**
 * The child containing `[start, end)` (for a point, `start`): siblings are ordered and do not
 * overlap, so it is the last child starting at or before `start`, if that one contains the range
 * and is not empty. A binary search: a file with 20,000 top-level declarations or a function
 * with 10,000 statements is searched in a few steps, not scanned.
 */
function childAt(kids: readonly Node[], start: number, end: number): Node | undefined {
  let lo = 0;
  let hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((kids[mid] as Node).start <= start) lo = mid + 1;
    else hi = mid;
  }
  // Zero-width children (MISSING tokens) may sit at `start`: step back over them.
  for (let i = lo - 1; i >= 0; i--) {
    const k = kids[i] as Node;
    if (k.end === k.start) continue;
    const inside = end === start ? start < k.end : end <= k.end;
    return inside ? k : undefined;
  }
  return undefined;
}

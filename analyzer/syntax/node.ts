/**
 * A plain-JavaScript mirror of tree-sitter's syntax tree.
 *
 * Reading a node through the tree-sitter binding costs about a microsecond per property (every
 * access crosses into native code, and `parent` walks down from the root). The analyzer asks many
 * questions of few nodes, so it copies the parts of the tree it needs into these objects once and
 * then works in plain JavaScript. Function bodies are copied lazily, on first access: most
 * functions of a package never contain anything a rule looks at.
 *
 * Offsets (`start`, `end`) are UTF-16 code-unit offsets into the file's text (BOM removed): the
 * unit of a JavaScript string index and of tree-sitter's Node binding. They are converted to lines
 * and columns only at the edges (see `line-index.ts`).
 */
import type { TsCursor, TsNode } from './parser.js';

/** What a node needs from the file that owns it. */
export interface NodeSource {
  readonly text: string;
}

export class Node {
  /** Set on a node whose subtree contains an ERROR or MISSING node. */
  hasError = false;
  private kids: Node[] | undefined;
  private deferred: TsNode | undefined;

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
  ) {
    this.kids = [];
  }

  /** All children, anonymous tokens (`:=`, `(`) and comments included. */
  get children(): readonly Node[] {
    if (this.deferred) this.materialize();
    return this.kids as Node[];
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

  /** Every child filling `field` (for fields such as a var_spec's `name` that repeat). */
  childrenOf(field: string): Node[] {
    return this.children.filter((c) => c.field === field);
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
      let next: Node | undefined;
      for (const k of cur.children) {
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

  /** Marks this node's children as not yet copied: they are copied from `ts` on first access. */
  defer(ts: TsNode): void {
    this.deferred = ts;
    this.kids = undefined;
    if (ts.hasError) this.markError();
  }

  /** @internal used by the builder */
  pushChild(child: Node): void {
    (this.kids as Node[]).push(child);
  }

  markError(): void {
    for (let n: Node | null = this; n && !n.hasError; n = n.parent) n.hasError = true;
  }

  private materialize(): void {
    const ts = this.deferred as TsNode;
    this.deferred = undefined;
    this.kids = [];
    fillChildren(this, ts.walk(), false);
  }
}

/** Node types whose `body` is copied lazily when the whole file is mirrored. */
const DEFERRED_BODY_PARENTS = new Set(['function_declaration', 'method_declaration']);

/**
 * Copies the subtree under the cursor's current node into `root` (which mirrors that node).
 * Iterative: deeply nested code cannot overflow the JavaScript stack.
 */
export function fillChildren(root: Node, cursor: TsCursor, deferBodies: boolean): void {
  if (!cursor.gotoFirstChild()) return;
  let parent = root;
  for (;;) {
    const type = cursor.nodeType;
    const isError = type === 'ERROR' || cursor.nodeIsMissing;
    const node = new Node(
      root.source,
      type,
      cursor.nodeIsNamed,
      cursor.startIndex,
      cursor.endIndex,
      cursor.currentFieldName ?? null,
      parent,
      isError,
    );
    parent.pushChild(node);
    if (isError) node.markError();
    const defer = deferBodies && type === 'block' && node.field === 'body' && DEFERRED_BODY_PARENTS.has(parent.type);
    if (defer) {
      node.defer(cursor.currentNode);
    } else if (cursor.gotoFirstChild()) {
      parent = node;
      continue;
    }
    while (!cursor.gotoNextSibling()) {
      if (parent === root) return;
      cursor.gotoParent();
      parent = parent.parent as Node;
    }
  }
}

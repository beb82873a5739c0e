/**
 * An open editor buffer: its text as the client sees it, its version, and a tree-sitter tree that
 * follows the edits (`tree.edit` for each change, then an incremental re-parse from the old tree
 * when the analyzer next needs the file).
 *
 * The client's text may start with a BOM; the analyzer's `GoFile` text never does, so offsets
 * into the file are the client's offsets minus `bom` (0 or 1).
 */
import { fileURLToPath } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { GoFile } from '../../analyzer/syntax/go-file.js';
import { LineIndex } from '../../analyzer/syntax/line-index.js';
import { parseGo, type Tree, type TsPoint } from '../../analyzer/syntax/parser.js';
import { readFileHeader, type FileHeader } from '../../analyzer/syntax/source-text.js';
import { toOffset, type PositionEncoding } from './positions.js';

export interface ContentChange {
  /** Absent: the whole text is replaced. */
  readonly range?: Range;
  readonly text: string;
}

export class OpenDocument {
  /** The file system path for `file:` URIs; otherwise a stand-in path for messages. */
  readonly path: string;
  /** True when the URI names a file on disk (its package can be read from its directory). */
  readonly onDisk: boolean;
  private content: string;
  private lineIndex: LineIndex | undefined;
  private tree: Tree | undefined;
  /** The tree has been `edit`ed and must be re-parsed before use. */
  private treeEdited = false;
  private file: GoFile | undefined;
  private headerCache: FileHeader | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    text: string,
  ) {
    this.content = text;
    const p = uriToPath(uri);
    this.onDisk = p !== undefined;
    this.path = p ?? uri;
  }

  get text(): string {
    return this.content;
  }

  /** 1 when the text starts with a byte order mark (not part of the analyzer's text). */
  get bom(): 0 | 1 {
    return this.content.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Lines of the client's text (BOM included): what LSP positions refer to. */
  get lines(): LineIndex {
    return (this.lineIndex ??= new LineIndex(this.content));
  }

  /** The package clause and generated-code marker as the buffer currently reads (no parse). */
  get header(): FileHeader {
    return (this.headerCache ??= readFileHeader(this.bom ? this.content.slice(1) : this.content));
  }

  /**
   * Applies `didChange` content changes in order. Ranges are in the negotiated position encoding
   * and refer to the text as left by the previous change.
   */
  applyChanges(changes: readonly ContentChange[], version: number, encoding: PositionEncoding): void {
    for (const change of changes) {
      if (!change.range) {
        this.content = change.text;
        this.tree = undefined;
        this.treeEdited = false;
      } else {
        const a = toOffset(this.lines, change.range.start, encoding);
        const b = toOffset(this.lines, change.range.end, encoding);
        this.replace(Math.min(a, b), Math.max(a, b), change.text);
      }
      this.lineIndex = undefined;
      this.file = undefined;
      this.headerCache = undefined;
    }
    this.version = version;
  }

  /** The analyzer's view of the buffer (cached until the next change). */
  goFile(): GoFile {
    if (this.file) return this.file;
    const bom = this.bom;
    const text = bom ? this.content.slice(1) : this.content;
    if (!this.tree) this.tree = parseGo(text);
    else if (this.treeEdited) this.tree = parseGo(text, this.tree);
    this.treeEdited = false;
    this.file = new GoFile(this.path, text, this.header.packageName, bom === 1, this.tree);
    return this.file;
  }

  /** `file` is this document's current analyzer view (without parsing to find out). */
  isCurrent(file: GoFile): boolean {
    return this.file === file;
  }

  /** Forgets the syntax tree (the next `goFile()` parses from scratch). */
  dropTree(): void {
    this.tree = undefined;
    this.treeEdited = false;
    this.file = undefined;
  }

  private replace(start: number, end: number, newText: string): void {
    const old = this.content;
    const bom = this.bom;
    this.content = old.slice(0, start) + newText + old.slice(end);
    if (!this.tree) return;
    // An edit that touches the BOM changes what the tree's offsets are relative to.
    if ((bom === 1 && start < 1) || this.bom !== bom) {
      this.tree = undefined;
      this.treeEdited = false;
      return;
    }
    const s = start - bom;
    const oldEnd = end - bom;
    const startPoint = pointAt(old, bom, start);
    this.tree.edit({
      startIndex: s,
      oldEndIndex: oldEnd,
      newEndIndex: s + newText.length,
      startPosition: startPoint,
      oldEndPosition: pointAt(old, bom, end),
      newEndPosition: advance(startPoint, newText),
    });
    this.treeEdited = true;
  }
}

/**
 * tree-sitter's point for an offset: rows count `\n` only (tree-sitter's notion of a line), columns
 * are UTF-16 code units since the last `\n` (the unit the Node binding uses for a JS string).
 */
export function pointAt(text: string, from: number, offset: number): TsPoint {
  let row = 0;
  let lineStart = from;
  for (let i = text.indexOf('\n', from); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function advance(p: TsPoint, inserted: string): TsPoint {
  const last = inserted.lastIndexOf('\n');
  if (last < 0) return { row: p.row, column: p.column + inserted.length };
  let rows = 0;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) rows++;
  return { row: p.row + rows, column: inserted.length - last - 1 };
}

/** The path of a `file:` URI, or undefined for other schemes (`untitled:`) and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

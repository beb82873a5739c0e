/**
 * LSP positions ↔ offsets, in the position encoding negotiated with the client (LSP 3.17
 * `general.positionEncodings`). Offsets are UTF-16 code units, as everywhere in the analyzer; the
 * `LineIndex` of the text does the per-unit column arithmetic.
 *
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as LSP defines them. A column past the end of its
 * line means the end of the line; a line past the end of the text means the end of the text.
 */
import type { Position, Range } from 'vscode-languageserver';
import type { ColumnUnit, LineIndex } from '../../analyzer/syntax/line-index.js';

export type PositionEncoding = ColumnUnit;

/**
 * The encoding to use given what the client offers: UTF-8 when offered (editors that work in
 * bytes, such as Neovim ≥ 0.10 and Helix, save themselves a conversion), otherwise UTF-16, which
 * every client must support and which is the default when nothing is negotiated.
 */
export function negotiateEncoding(offered: unknown): PositionEncoding {
  if (Array.isArray(offered) && offered.includes('utf-8')) return 'utf-8';
  return 'utf-16';
}

export function toPosition(lines: LineIndex, offset: number, encoding: PositionEncoding, textLength: number): Position {
  const o = Math.max(0, Math.min(offset, textLength));
  return { line: lines.lineOf(o), character: lines.column0(o, encoding) };
}

export function toRange(lines: LineIndex, start: number, end: number, encoding: PositionEncoding, textLength: number): Range {
  return { start: toPosition(lines, start, encoding, textLength), end: toPosition(lines, end, encoding, textLength) };
}

export function toOffset(lines: LineIndex, position: Position, encoding: PositionEncoding): number {
  return lines.offsetAt(Math.max(0, position.line), Math.max(0, position.character), encoding);
}

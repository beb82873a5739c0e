/**
 * Offsets to lines and columns, done once at the edge.
 *
 * Internally every position is a UTF-16 code-unit offset into the file's text (BOM removed).
 * Line breaks are `\n`, `\r\n` and a lone `\r`, as in LSP and in GitHub's SARIF fingerprinting.
 * Columns come in the units each output needs:
 * - `column`: 1-based UTF-16 code units (LSP's default, SARIF `utf16CodeUnits`, JSON output);
 * - `byteColumn`: 1-based UTF-8 bytes (what the go tool prints; the text output);
 * - `codePointColumn`: 1-based Unicode code points (LSP `utf-32`).
 */

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column in UTF-16 code units. */
  readonly column: number;
  /** 1-based column in UTF-8 bytes. */
  readonly byteColumn: number;
  /** 0-based UTF-16 offset into the text. */
  readonly offset: number;
}

export type ColumnUnit = 'utf-16' | 'utf-8' | 'utf-32';

export class LineIndex {
  /** UTF-16 offset where each line starts. */
  private readonly starts: number[];
  /**
   * Offsets of the non-ASCII code units (empty for ASCII text), with running totals: UTF-8 bytes
   * beyond one per code unit, and low surrogates completing a pair. Byte and code-point columns
   * are then a binary search away, not a scan of the line: a 1 MB line with thousands of
   * findings on it would otherwise cost the square of its length.
   */
  private readonly wide: number[] = [];
  private readonly extraBytes: number[] = [0];
  private readonly pairedLows: number[] = [0];

  constructor(private readonly text: string) {
    const starts = [0];
    let extra = 0;
    let lows = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
        continue;
      }
      const d = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        // A pair: four bytes for two code units, counted as +3 on the high and -1 on the low.
        this.wide.push(i);
        this.extraBytes.push((extra += 3));
        this.pairedLows.push(lows);
        this.wide.push(i + 1);
        this.extraBytes.push((extra -= 1));
        this.pairedLows.push((lows += 1));
        i++;
        continue;
      }
      // Two bytes below U+0800, three above (a lone surrogate is written as U+FFFD).
      this.wide.push(i);
      this.extraBytes.push((extra += c < 0x800 ? 1 : 2));
      this.pairedLows.push(lows);
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 0-based line containing `offset`. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lineStart(line0: number): number {
    return this.starts[Math.max(0, Math.min(line0, this.starts.length - 1))] as number;
  }

  /** End of the line's content (before its line break). */
  lineEnd(line0: number): number {
    const next = line0 + 1 < this.starts.length ? (this.starts[line0 + 1] as number) : this.text.length;
    let end = next;
    if (end > this.lineStart(line0) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line0) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line0: number): string {
    return this.text.slice(this.lineStart(line0), this.lineEnd(line0));
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line0 = this.lineOf(clamped);
    const start = this.starts[line0] as number;
    return {
      line: line0 + 1,
      column: clamped - start + 1,
      byteColumn: this.utf8Between(start, clamped) + 1,
      offset: clamped,
    };
  }

  /** 0-based column of `offset` on its line, in the given unit. */
  column0(offset: number, unit: ColumnUnit): number {
    const line0 = this.lineOf(offset);
    const start = this.starts[line0] as number;
    if (unit === 'utf-16') return offset - start;
    if (unit === 'utf-8') return this.utf8Between(start, offset);
    return this.codePointsBetween(start, offset);
  }

  /** `utf8Length(text, from, to)`, from the running totals. */
  private utf8Between(from: number, to: number): number {
    if (to <= from) return 0;
    const a = this.wideBefore(from);
    const b = this.wideBefore(to);
    let n = to - from + (this.extraBytes[b] as number) - (this.extraBytes[a] as number);
    // A range ending inside a pair counts its high surrogate alone (3 bytes, not 4); one starting
    // inside a pair counts its low surrogate alone (3 bytes, not 0).
    if (this.splitsPair(to)) n -= 1;
    if (this.splitsPair(from)) n += 3;
    return n;
  }

  /** `codePointLength(text, from, to)`, from the running totals. */
  private codePointsBetween(from: number, to: number): number {
    if (to <= from) return 0;
    const lows = (this.pairedLows[this.wideBefore(to)] as number) - (this.pairedLows[this.wideBefore(from)] as number);
    return to - from - lows + (this.splitsPair(from) ? 1 : 0);
  }

  /** How many non-ASCII code units lie before `offset`. */
  private wideBefore(offset: number): number {
    const w = this.wide;
    let lo = 0;
    let hi = w.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((w[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private splitsPair(offset: number): boolean {
    const hi = this.text.charCodeAt(offset - 1);
    const lo = this.text.charCodeAt(offset);
    return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
  }

  /** The offset of a 0-based (line, column) in the given unit; columns past the line end clamp to it. */
  offsetAt(line0: number, column0: number, unit: ColumnUnit = 'utf-16'): number {
    if (line0 >= this.starts.length) return this.text.length;
    if (line0 < 0) return 0;
    const start = this.starts[line0] as number;
    const end = this.lineEnd(line0);
    if (unit === 'utf-16') return Math.min(start + Math.max(0, column0), end);
    let units = 0;
    let i = start;
    while (i < end && units < column0) {
      const c = this.text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < end;
      if (unit === 'utf-8') units += pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      else units += 1;
      i += pair ? 2 : 1;
    }
    return i;
  }
}

/** UTF-8 length of `text[from, to)`. Lone surrogates count as U+FFFD (3 bytes). */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Code points in `text[from, to)` (a lone surrogate is one). */
export function codePointLength(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

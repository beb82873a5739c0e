import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, LineIndex, utf8Length } from './line-index.js';

/** Text mixing ASCII, line breaks of all kinds, 2- and 3-byte characters, emoji and lone surrogates. */
const mixedText = fc
  .array(fc.constantFrom('a', ' ', '\t', '\n', '\r\n', '\r', 'é', 'ß', '日', '本', '😀', '🔑', '\ud800', '\udc00', 'x\ud83d'), { maxLength: 80 })
  .map((parts) => parts.join(''));

describe('LineIndex columns', () => {
  it('byte and code-point columns equal a scan of the line, at every offset', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const index = new LineIndex(text);
        for (let offset = 0; offset <= text.length; offset++) {
          const line0 = index.lineOf(offset);
          const start = index.lineStart(line0);
          expect(index.column0(offset, 'utf-8')).toBe(utf8Length(text, start, offset));
          expect(index.column0(offset, 'utf-32')).toBe(codePointLength(text, start, offset));
          expect(index.position(offset).byteColumn).toBe(utf8Length(text, start, offset) + 1);
        }
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  it('matches Buffer.byteLength for well-formed text', () => {
    const text = 'package p // 日本語 😀\r\nvar s = "é🔑x"\rx';
    const index = new LineIndex(text);
    const at = text.indexOf('x"');
    expect(index.position(at)).toEqual({ line: 2, column: at - text.indexOf('var') + 1, byteColumn: Buffer.byteLength(text.slice(text.indexOf('var'), at)) + 1, offset: at });
  });

  it('positions on a 1 MB line with thousands of findings cost no scan of the line', () => {
    const text = `${'日x😀'.repeat(250_000)}\n`;
    const index = new LineIndex(text);
    const t = performance.now();
    for (let o = 0; o < text.length; o += 97) index.position(o);
    // ~10,000 positions; a scan per position would read 10^10 code units.
    expect(performance.now() - t).toBeLessThan(2_000);
    expect(index.position(text.length - 1).byteColumn).toBe(Buffer.byteLength(text.slice(0, -1)) + 1);
  });
});

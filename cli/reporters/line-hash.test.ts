import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineHashes } from './line-hash.js';

describe('lineHashes', () => {
  // Known answers from github/codeql-action src/fingerprints.test.ts.
  it('matches GitHub for empty text', () => {
    expect(lineHashes('')).toEqual(['c129715d7a2bc9a3:1']);
  });

  it('matches GitHub for leading whitespace and tabs', () => {
    expect(lineHashes(' a\nb\n  \t\tc\n d')).toEqual(['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']);
  });

  it('matches GitHub for CRLF text with blank lines', () => {
    expect(lineHashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n')).toEqual([
      'e9496ae3ebfced30:1',
      'fb7c023a8b9ccb3f:1',
      'ce8ba1a563dcdaca:1',
      'e20e36e16fcb0cc8:1',
      'b3edc88f2938467e:1',
      'c8e28b0b4002a3a0:1',
      'c129715d7a2bc9a3:1',
    ]);
  });

  it('treats LF, CRLF and lone CR line breaks alike', () => {
    const lf = lineHashes(' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n');
    expect(lineHashes(' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n')).toEqual(lf);
    expect(lineHashes(' hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r')).toEqual(lf);
  });

  it('gives one hash per line, like the analyzer counts lines', () => {
    expect(lineHashes('a\n\nb\n')).toHaveLength(4);
    expect(lineHashes('a\r\n\r\nb')).toHaveLength(3);
  });

  it('numbers identical windows in order of appearance', () => {
    const hashes = lineHashes('same line\n'.repeat(200));
    const first = hashes[0]?.split(':')[0];
    expect(hashes.slice(0, 3)).toEqual([`${first}:1`, `${first}:2`, `${first}:3`]);
  });

  it('is stable for a line when lines are inserted or removed above it', () => {
    const body = ['func f(m map[string]*T, k string) {', '\tm[k] = nil', '}', ''].join('\n');
    const before = ['package p', '', body].join('\n');
    const after = ['package p', '', '// a new comment', 'var x = 1', '', body].join('\n');
    const lineBefore = before.split('\n').indexOf('\tm[k] = nil');
    const lineAfter = after.split('\n').indexOf('\tm[k] = nil');
    expect(lineAfter).toBe(lineBefore + 3);
    expect(lineHashes(after)[lineAfter]).toBe(lineHashes(before)[lineBefore]);
  });

  it('agrees with a straightforward BigInt implementation on any text', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(' ', '\t', '\n', '\r', '\r\n', 'é', '漢', '😀', '\ud800'), fc.string()), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(lineHashes(t)).toEqual(referenceLineHashes(t));
      }),
    );
  });
});

/** The algorithm as codeql-action writes it (with 64-bit BigInt arithmetic), for comparison. */
function referenceLineHashes(text: string): string[] {
  const mask = (1n << 64n) - 1n;
  const firstMod = 37n ** 100n & mask;
  const window = new Array<number>(100).fill(0);
  const lineNumbers = new Array<number>(100).fill(-1);
  const counts = new Map<string, number>();
  const out: string[] = [];
  let hash = 0n;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;
  const outputHash = () => {
    const hex = hash.toString(16);
    const n = (counts.get(hex) ?? 0) + 1;
    counts.set(hex, n);
    out[(lineNumbers[index] as number) - 1] = `${hex}:${n}`;
    lineNumbers[index] = -1;
  };
  const updateHash = (current: number) => {
    const begin = window[index] as number;
    window[index] = current;
    hash = (37n * hash + BigInt(current) - firstMod * BigInt(begin)) & mask;
    index = (index + 1) % 100;
  };
  const processCharacter = (c: number) => {
    let current = c;
    if (current === 32 || current === 9 || (prevCR && current === 10)) {
      prevCR = false;
      return;
    }
    if (current === 13) {
      current = 10;
      prevCR = true;
    } else prevCR = false;
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === 10) lineStart = true;
    updateHash(current);
  };
  for (let i = 0; i < text.length; i++) processCharacter(text.charCodeAt(i));
  processCharacter(65535);
  for (let i = 0; i < 100; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return out;
}

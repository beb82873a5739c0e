import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexWriteAnchors } from './candidates.js';

/** The anchor as a regular expression (what the scanner replaces), tried at one position. */
const ANCHOR_AT = /\](?:\s|\/\*[\s\S]*?\*\/)*(?:(?:<<|>>|&\^|[-+*/%&|^])?=(?!=)|\+\+|--|,)/y;

function regexAnchors(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(']'); i >= 0; i = text.indexOf(']', i + 1)) {
    ANCHOR_AT.lastIndex = i;
    if (ANCHOR_AT.test(text)) out.push(i);
  }
  return out;
}

const fragments = fc.constantFrom(']', ' ', '\n', '\t', '\u00a0', '/*', '*/', '*', '/', '=', '==', '+=', '<<=', '&^=', '++', '--', ',', 'x', '[', '// c\n');

describe('index-write anchors', () => {
  it('are exactly the `]` where the regular expression matches', () => {
    fc.assert(
      fc.property(fc.array(fragments, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect([...indexWriteAnchors(text)]).toEqual(regexAnchors(text));
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('stay linear with many `] /*` and no comment end', () => {
    // The regular expression scanned to the end of the text from each of them: ~6 s for this input.
    const text = 'x[0] /* '.repeat(16_000) + 'y'.repeat(1_000_000);
    const t = performance.now();
    expect([...indexWriteAnchors(text)]).toEqual([]);
    expect(performance.now() - t).toBeLessThan(1_000);
  });
});

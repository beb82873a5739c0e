/**
 * Identifier search: `wordOccurrences` finds whole words only (Go identifiers may use any Unicode
 * letter or digit, so the word boundary is not ASCII's), and `identifiers` keeps the occurrences
 * that are identifiers in the syntax tree (not comments or strings), package-wide or in a scope.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/model-fixture.js';
import { wordOccurrences } from './package-model.js';

const all = (text: string, word: string, from = 0, to = text.length): number[] => [...wordOccurrences(text, word, from, to)];

describe('wordOccurrences', () => {
  it('finds whole words, not parts of longer identifiers', () => {
    expect(all('m mm am m_ _m m1 1m m', 'm')).toEqual([0, 20]);
    expect(all('m.m[m]=m', 'm')).toEqual([0, 2, 4, 7]);
  });

  it('treats non-ASCII letters and digits as part of the word', () => {
    // é (BMP letter), ٣ (Arabic-Indic digit), 𝑥 (mathematical italic x: a surrogate pair)
    expect(all('éx xé x٣ ٣x x', 'x')).toEqual([12]);
    expect(all('𝑥x x𝑥 x', 'x')).toEqual([8]);
    // Punctuation and symbols outside ASCII are not letters: the word ends there.
    expect(all('«x» x→y', 'x')).toEqual([1, 4]);
  });

  it('stays within [from, to): a word must fit entirely inside', () => {
    const text = 'x x x x';
    expect(all(text, 'x', 2, 5)).toEqual([2, 4]);
    expect(all(text, 'x', 3, 6)).toEqual([4]);
    expect(all('abc', 'abc', 0, 2)).toEqual([]);
  });

  it('finds nothing for a word not in the text', () => {
    expect(all('package p', 'q')).toEqual([]);
  });
});

describe('PackageModel.identifiers', () => {
  const src = `package p

// m is a map; "m" in a string is not an identifier.
var m = map[string]int{}

func f() {
	m["m"] = 1
	mm := 2
	_ = mm
	for m := range m {
		_ = m
	}
}
`;

  it('returns identifier nodes only (no comment or string occurrences)', () => {
    const { model } = fixture(src);
    const found = model.identifiers('m');
    expect(found.map((n) => n.type)).toEqual(['identifier', 'identifier', 'identifier', 'identifier', 'identifier']);
    expect(found.every((n) => n.text === 'm')).toBe(true);
  });

  it('searches only inside a scope when given one', () => {
    const f = fixture(src);
    const loop = f.find('for m := range m {\n\t\t_ = m\n\t}');
    const inLoop = f.model.identifiers('m', loop);
    expect(inLoop).toHaveLength(3);
    expect(inLoop.every((n) => loop.start <= n.start && n.end <= loop.end)).toBe(true);
  });

  it('agrees with the word index used once a package has asked for many words', () => {
    const { model } = fixture(src);
    for (let i = 0; i < 30; i++) model.identifiers(`unused${i}`);
    expect(model.identifiers('m')).toHaveLength(5);
    expect(model.identifiers('mm')).toHaveLength(2);
  });
});

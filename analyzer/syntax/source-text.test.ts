import { describe, expect, it } from 'vitest';
import { unterminatedTail } from './source-text.js';

describe('unterminatedTail', () => {
  it.each([
    ['closed comments and strings', 'a /* x */ b "/*" c `/*` d \'/\' * e // /*\nf', undefined],
    ['an escaped quote in a string', 'a "\\"/*" b', undefined],
    ['an unterminated string ends at the newline', 'a "abc\nb /* c */', undefined],
    ['an unterminated rune ends at the newline', "a '\nb /* c */", undefined],
    ['a line comment at the end without a newline', 'a // /* x', undefined],
    ['an unclosed block comment', 'a /* b', 2],
    ['an unclosed block comment after a closed one', 'a /* b */ c /* d', 12],
    ['an unclosed raw string', 'a `b\n/* c */', 2],
    ['a raw string holding a quote', 'a `"` /* x', 6],
  ])('%s', (_what, text, want) => {
    expect(unterminatedTail(text)).toBe(want);
  });
});

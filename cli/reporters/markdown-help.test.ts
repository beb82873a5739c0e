import { describe, expect, it } from 'vitest';
import { absolutizeLinks, markdownToPlainText, reflowMarkdown } from './markdown-help.js';

const PAGE = [
  '## Why it is wrong',
  '',
  'Storing `nil` does not remove anything: the key stays in the map. `len(m)` still counts it,',
  'and **the map never shrinks**.',
  '',
  '## Example',
  '',
  '```go',
  'func f() {',
  '',
  '\tm[k] = nil',
  '}',
  '```',
  '',
  '- Slices and arrays: `s[i] = nil` is just a value,',
  '  as is a field.',
  '- Maps of interfaces.',
  '',
  '| a | b |',
  '|---|---|',
  '',
  'See [the other rule](other-rule.md#fix) and [Go](https://go.dev/ref/spec).',
].join('\n');

describe('reflowMarkdown', () => {
  it('puts each paragraph and list item on one line and keeps code, headings and tables', () => {
    expect(reflowMarkdown(PAGE)).toBe(
      [
        '## Why it is wrong',
        '',
        'Storing `nil` does not remove anything: the key stays in the map. `len(m)` still counts it, and **the map never shrinks**.',
        '',
        '## Example',
        '',
        '```go',
        'func f() {',
        '',
        '\tm[k] = nil',
        '}',
        '```',
        '',
        '- Slices and arrays: `s[i] = nil` is just a value, as is a field.',
        '- Maps of interfaces.',
        '',
        '| a | b |',
        '|---|---|',
        '',
        'See [the other rule](other-rule.md#fix) and [Go](https://go.dev/ref/spec).',
      ].join('\n'),
    );
  });

  it('normalises CRLF and collapses runs of blank lines', () => {
    expect(reflowMarkdown('a\r\nb\r\n\r\n\r\n\r\nc\r\n')).toBe('a b\n\nc');
  });
});

describe('absolutizeLinks', () => {
  it('resolves relative targets against the page URL and keeps absolute ones', () => {
    const out = absolutizeLinks(PAGE, 'https://github.com/o/r/blob/main/docs/rules/nil-as-delete.md');
    expect(out).toContain('[the other rule](https://github.com/o/r/blob/main/docs/rules/other-rule.md#fix)');
    expect(out).toContain('[Go](https://go.dev/ref/spec)');
  });

  it('leaves code blocks alone', () => {
    const md = '```go\nx := a[i](j)\n_ = [x](y.md)\n```';
    expect(absolutizeLinks(md, 'https://example.com/docs/')).toBe(md);
  });
});

describe('markdownToPlainText', () => {
  it('drops Markdown syntax and indents code', () => {
    expect(markdownToPlainText(PAGE)).toBe(
      [
        'Why it is wrong',
        '',
        'Storing nil does not remove anything: the key stays in the map. len(m) still counts it, and the map never shrinks.',
        '',
        'Example',
        '',
        '    func f() {',
        '',
        '    \tm[k] = nil',
        '    }',
        '',
        '- Slices and arrays: s[i] = nil is just a value, as is a field.',
        '- Maps of interfaces.',
        '',
        '| a | b |',
        '|---|---|',
        '',
        'See the other rule (other-rule.md#fix) and Go (https://go.dev/ref/spec).',
      ].join('\n'),
    );
  });
});

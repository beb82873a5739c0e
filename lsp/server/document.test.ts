import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGo, type Tree } from '../../analyzer/syntax/parser.js';
import { applyLspEdits, indexToColumn } from '../test/lsp-client.js';
import { OpenDocument, pointAt } from './document.js';
import type { PositionEncoding } from './positions.js';

const BASE = [
  'package p\n',
  '\n',
  '// 日本語 comment with an emoji 🙂\n',
  'func f(m map[string]*int, k string) {\r\n',
  '\ts := "ünïcödé 🙂"\n',
  '\tm[k] = nil\n',
  '\tfor x := range m {\n',
  '\t\t_ = x + s\n',
  '\t}\n',
  '}\n',
].join('');

const SNIPPETS = ['', 'x', '\n', '\r\n', '日本', '🙂', '{', '}', '"', '`', 'm[k] = nil\n', 'func g() {}\n', '\t', '// c\n', 'é'];

/** Every (type, start, end) of a tree, in pre-order. */
function shape(tree: Tree): string[] {
  const out: string[] = [];
  const c = tree.walk();
  for (;;) {
    out.push(`${c.nodeType}@${c.startIndex}-${c.endIndex}`);
    if (c.gotoFirstChild()) continue;
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) return out;
    }
  }
}

/** (line, column) of a string index in `encoding`, computed independently of the server. */
function positionOf(text: string, index: number, encoding: PositionEncoding): { line: number; character: number } {
  const before = text.slice(0, index);
  const breaks = before.match(/\r\n|\n|\r/g) ?? [];
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line: breaks.length, character: indexToColumn(text.slice(lineStart), index - lineStart, encoding) };
}

/** Indexes of `text` that are not inside a surrogate pair or a CRLF. */
function boundaries(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    const prev = text.charCodeAt(i - 1);
    const cur = text.charCodeAt(i);
    if (prev >= 0xd800 && prev <= 0xdbff && cur >= 0xdc00 && cur <= 0xdfff) continue;
    if (prev === 13 && cur === 10) continue;
    out.push(i);
  }
  return out;
}

describe('OpenDocument', () => {
  for (const encoding of ['utf-16', 'utf-8', 'utf-32'] as const) {
    it(`applies random incremental edits (${encoding}); the edited tree equals a fresh parse`, () => {
      fc.assert(
        fc.property(
          fc.boolean(),
          fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...SNIPPETS)), { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 1, max: 3 }),
          (bom, edits, perNotification) => {
            let expected = (bom ? '\ufeff' : '') + BASE;
            const doc = new OpenDocument('file:///w/p.go', 'go', 1, expected);
            doc.goFile(); // parse, so that later edits go through tree.edit
            let version = 1;
            for (let i = 0; i < edits.length; i += perNotification) {
              const changes = edits.slice(i, i + perNotification).map(([a, b, text]) => {
                const bs = boundaries(expected).filter((x) => x >= (expected.startsWith('\ufeff') ? 1 : 0));
                const s = bs[a % bs.length] as number;
                const e = bs[Math.min(bs.length - 1, bs.indexOf(s) + (b % 6))] as number;
                const range = { start: positionOf(expected, s, encoding), end: positionOf(expected, e, encoding) };
                expected = applyLspEdits(expected, [{ range, newText: text }], encoding);
                return { range, text };
              });
              doc.applyChanges(changes, ++version, encoding);
              expect(doc.text).toBe(expected);
              const file = doc.goFile();
              const stripped = expected.startsWith('\ufeff') ? expected.slice(1) : expected;
              expect(file.text).toBe(stripped);
              // tree-sitter's incremental re-parse recovers from syntax errors its own way (it may
              // keep more of the old tree); for text that parses, the trees must be the same.
              const fresh = parseGo(stripped);
              if (!fresh.rootNode.hasError) expect(shape(file.tree)).toEqual(shape(fresh));
            }
            expect(doc.version).toBe(version);
          },
        ),
        { numRuns: Number(process.env.DOC_RUNS ?? 60) },
      );
    });
  }

  it('replaces the whole text on a change without range and re-parses from scratch', () => {
    const doc = new OpenDocument('file:///w/p.go', 'go', 1, BASE);
    const before = doc.goFile();
    doc.applyChanges([{ text: 'package q\n' }], 2, 'utf-16');
    const after = doc.goFile();
    expect(after).not.toBe(before);
    expect(after.packageName).toBe('q');
    expect(shape(after.tree)).toEqual(shape(parseGo('package q\n')));
    expect(doc.goFile()).toBe(after);
  });

  it('keeps the BOM out of the analyzer text and drops the tree when an edit touches it', () => {
    const doc = new OpenDocument('file:///w/p.go', 'go', 1, `\ufeff${BASE}`);
    expect(doc.bom).toBe(1);
    expect(doc.goFile().text).toBe(BASE);
    expect(doc.goFile().hasBom).toBe(true);
    doc.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, text: '' }], 2, 'utf-16');
    expect(doc.bom).toBe(0);
    expect(shape(doc.goFile().tree)).toEqual(shape(parseGo(BASE)));
  });

  it('maps file URIs to paths and keeps other schemes apart', () => {
    expect(new OpenDocument('file:///w/a%20b.go', 'go', 1, '').path).toBe('/w/a b.go');
    const untitled = new OpenDocument('untitled:Untitled-1', 'go', 1, '');
    expect(untitled.onDisk).toBe(false);
    expect(untitled.path).toBe('untitled:Untitled-1');
  });

  it('computes tree-sitter points (rows count \\n only, columns in UTF-16 units)', () => {
    const text = 'ab\r\ncd\ref🙂g';
    expect(pointAt(text, 0, text.indexOf('c'))).toEqual({ row: 1, column: 0 });
    expect(pointAt(text, 0, text.indexOf('e'))).toEqual({ row: 1, column: 3 });
    expect(pointAt(text, 0, text.indexOf('g'))).toEqual({ row: 1, column: 7 });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyEdits } from '../../analyzer/engine/fixes.js';
import type { RawFinding } from '../../analyzer/engine/finding.js';
import { fileDirectives, SuppressionIndex } from '../../analyzer/engine/suppressions.js';
import { GoFile } from '../../analyzer/syntax/go-file.js';
import { fixAllEdit, ignoreEdit, minimalEdit, wants } from './code-actions.js';

function finding(file: GoFile, snippet: string, ruleId = 'nil-as-delete'): RawFinding {
  const start = file.text.indexOf(snippet);
  if (start < 0) throw new Error(`${snippet} not in file`);
  return { ruleId, severity: 'warning', message: 'm', file, start, end: start + snippet.length, fix: undefined, related: [] };
}

/** Whether the finding's line is suppressed for `ruleId` once `text` is parsed again. */
function suppressed(text: string, snippet: string, ruleId = 'nil-as-delete'): boolean {
  const file = new GoFile('/w/p.go', text, 'p');
  const index = new SuppressionIndex(fileDirectives(file));
  return index.isSuppressed(file.lines.lineOf(text.indexOf(snippet)), ruleId);
}

describe('ignoreEdit', () => {
  it('inserts an indented //gomaplint:ignore line above the finding, which suppresses it', () => {
    const text = 'package p\n\nfunc f(m map[int]*int) {\n\tif true {\n\t\tm[1] = nil\n\t}\n}\n';
    const file = new GoFile('/w/p.go', text, 'p');
    const edit = ignoreEdit(file, finding(file, 'm[1] = nil'));
    expect(edit).toEqual({ start: text.indexOf('\t\tm[1]'), end: text.indexOf('\t\tm[1]'), newText: '\t\t//gomaplint:ignore nil-as-delete -- \n' });
    const after = applyEdits(text, [edit as NonNullable<typeof edit>]);
    expect(suppressed(after, 'm[1] = nil')).toBe(true);
    expect(suppressed(after, 'm[1] = nil', 'other-rule')).toBe(false);
  });

  it('uses the line ending of the file', () => {
    const text = 'package p\r\n\r\nfunc f(m map[int]*int) {\r\n\tm[1] = nil\r\n}\r\n';
    const file = new GoFile('/w/p.go', text, 'p');
    expect(ignoreEdit(file, finding(file, 'm[1] = nil'))?.newText).toBe('\t//gomaplint:ignore nil-as-delete -- \r\n');
  });

  it('adds the rule to a standalone directive on the line above', () => {
    for (const directive of ['//gomaplint:ignore other-rule -- reason', '// gomaplint:ignore a,b', '//gomaplint:ignore other-rule']) {
      const text = `package p\n\nfunc f(m map[int]*int) {\n\t${directive}\n\tm[1] = nil\n}\n`;
      const file = new GoFile('/w/p.go', text, 'p');
      const edit = ignoreEdit(file, finding(file, 'm[1] = nil'));
      expect(edit?.newText).toBe(',nil-as-delete');
      const after = applyEdits(text, [edit as NonNullable<typeof edit>]);
      expect(suppressed(after, 'm[1] = nil'), directive).toBe(true);
      expect(suppressed(text, 'm[1] = nil'), directive).toBe(false);
    }
  });

  it('does not mistake a directive inside a raw string for a comment', () => {
    const text = 'package p\n\nfunc f(m map[int]*int) {\n\t_ = `\n//gomaplint:ignore other-rule\n`\n\tm[1] = nil\n}\n';
    const file = new GoFile('/w/p.go', text, 'p');
    const edit = ignoreEdit(file, finding(file, 'm[1] = nil'));
    expect(edit?.newText).toBe('\t//gomaplint:ignore nil-as-delete -- \n');
  });

  it('offers nothing when the line starts inside a multi-line raw string', () => {
    const text = 'package p\n\nfunc f(m map[int]*int) {\n\t_ = `a\nb`; m[1] = nil\n}\n';
    const file = new GoFile('/w/p.go', text, 'p');
    expect(ignoreEdit(file, finding(file, 'm[1] = nil'))).toBeUndefined();
  });
});

describe('fixAllEdit', () => {
  /** A finding whose safe fix replaces `snippet` in `file` with `newText`. */
  function fixing(file: GoFile, snippet: string, newText: string, safe = true): RawFinding {
    const f = finding(file, snippet);
    return { ...f, fix: { description: 'fix', safe, edits: [{ start: f.start, end: f.end, newText }] } };
  }

  it('applies overlapping fixes in rounds, re-analysing in between, as one edit', () => {
    const text = 'package p\n\nvar a = 1\n\nvar c = 3\n';
    const file = new GoFile('/w/p.go', text, 'p');
    // Two fixes overlap: the first (by position) wins the round, the other comes back after re-analysis.
    const findings = [fixing(file, 'a = 1', 'b = 1'), fixing(file, '1', '2'), fixing(file, '3', '4', false)];
    const rounds: string[] = [];
    const edit = fixAllEdit(file, findings, (next) => {
      rounds.push(next);
      const f = new GoFile('/w/p.go', next, 'p');
      return next.includes('b = 1') ? [fixing(f, '1', '2')] : [];
    });
    expect(rounds).toEqual(['package p\n\nvar b = 1\n\nvar c = 3\n']);
    // The unsafe fix is not applied.
    expect(applyEdits(text, [edit as NonNullable<typeof edit>])).toBe('package p\n\nvar b = 2\n\nvar c = 3\n');
    expect(edit).toEqual({ start: text.indexOf('a = 1'), end: text.indexOf('a = 1') + 5, newText: 'b = 2' });
  });

  it('returns nothing when no safe fix applies', () => {
    const file = new GoFile('/w/p.go', 'package p\n\nvar a = 1\n', 'p');
    expect(fixAllEdit(file, [fixing(file, '1', '2', false)], () => [])).toBeUndefined();
  });
});

describe('minimalEdit', () => {
  const alphabet = fc.constantFrom('a', 'b', '\n', '\r\n', '\r', '🙂', '😀', 'é');
  const text = fc.array(alphabet, { maxLength: 12 }).map((xs) => xs.join(''));

  it('turns a into b without splitting surrogate pairs or CRLF', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const e = minimalEdit(a, b);
        expect(applyEdits(a, [e])).toBe(b);
        for (const at of [e.start, e.end]) {
          const before = a.charCodeAt(at - 1);
          const after = a.charCodeAt(at);
          expect(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff).toBe(false);
          expect(before === 13 && after === 10).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the common prefix and suffix', () => {
    expect(minimalEdit('m[k] = nil\n', 'delete(m, k)\n')).toEqual({ start: 0, end: 10, newText: 'delete(m, k)' });
    expect(minimalEdit('x\ty = 1', 'x\ty = 2')).toEqual({ start: 6, end: 7, newText: '2' });
  });
});

describe('wants', () => {
  it('matches requested kinds and their parents', () => {
    expect(wants(undefined, 'quickfix')).toBe(true);
    expect(wants([], 'source.fixAll.gomaplint')).toBe(true);
    expect(wants(['source'], 'source.fixAll.gomaplint')).toBe(true);
    expect(wants(['source.fixAll'], 'source.fixAll.gomaplint')).toBe(true);
    expect(wants(['source.fixAll'], 'quickfix')).toBe(false);
    expect(wants(['quickfix'], 'source.fixAll.gomaplint')).toBe(false);
    expect(wants(['source.fix'], 'source.fixAll.gomaplint')).toBe(false);
  });
});

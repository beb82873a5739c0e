import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../analyzer/engine/finding.js';
import { GoFile } from '../../analyzer/syntax/go-file.js';
import { LineIndex } from '../../analyzer/syntax/line-index.js';
import { ruleDocsUrl } from '../../cli/version.js';
import { diskView, toDiagnostic, type FileView } from './diagnostics.js';

const A = 'package p\n\nvar mu sync.Mutex // 🙂 lock\n';
const B = 'package p\n\nfunc f() {\n\ts := "日本"; delete(m, k)\n}\n';

const fileA = new GoFile('/w/a.go', A, 'p');
const fileB = new GoFile('/w/b.go', B, 'p');

function at(file: GoFile, snippet: string): { start: number; end: number } {
  const start = file.text.indexOf(snippet);
  return { start, end: start + snippet.length };
}

const finding: RawFinding = {
  ruleId: 'some-rule',
  severity: 'error',
  message: 'delete while iterating',
  file: fileB,
  ...at(fileB, 'delete(m, k)'),
  fix: undefined,
  related: [
    { file: fileA, ...at(fileA, 'mu sync.Mutex'), message: 'the lock' },
    { file: fileB, ...at(fileB, 'func f()'), message: 'the function' },
  ],
};

/** b.go is open with a BOM in the editor; a.go is only on disk. */
const views = (file: GoFile): FileView =>
  file === fileB ? { uri: 'file:///w/b.go', lines: new LineIndex(`\ufeff${B}`), bom: 1, length: B.length + 1 } : diskView(file);

describe('toDiagnostic', () => {
  it('fills range, severity, code, docs link, source and related information', () => {
    const d = toDiagnostic(finding, { encoding: 'utf-16', relatedInformation: true, viewOf: views });
    expect(d).toEqual({
      range: { start: { line: 3, character: 12 }, end: { line: 3, character: 24 } },
      severity: 1,
      code: 'some-rule',
      codeDescription: { href: ruleDocsUrl('some-rule') },
      source: 'gomaplint',
      message: 'delete while iterating',
      relatedInformation: [
        { location: { uri: 'file:///w/a.go', range: { start: { line: 2, character: 4 }, end: { line: 2, character: 17 } } }, message: 'the lock' },
        // The BOM only shifts columns of line 0.
        { location: { uri: 'file:///w/b.go', range: { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } } }, message: 'the function' },
      ],
    });
  });

  it('counts UTF-8 bytes when that is the encoding', () => {
    const d = toDiagnostic(finding, { encoding: 'utf-8', relatedInformation: true, viewOf: views });
    const prefix = '\ts := "日本"; ';
    expect(d.range.start).toEqual({ line: 3, character: Buffer.byteLength(prefix) });
  });

  it('maps severities and folds related places into the message for clients without related information', () => {
    const note = toDiagnostic({ ...finding, severity: 'note' }, { encoding: 'utf-16', relatedInformation: false, viewOf: views });
    expect(note.severity).toBe(3);
    expect(note.relatedInformation).toBeUndefined();
    expect(note.message).toBe('delete while iterating\n/w/a.go:3: the lock\nline 3: the function');
    expect(toDiagnostic({ ...finding, severity: 'warning', related: [] }, { encoding: 'utf-16', relatedInformation: false, viewOf: views }).severity).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { GoFile } from '../syntax/go-file.js';
import { applyEdits, applySafeFixes, syntaxErrorCount } from './fixes.js';
import type { RawFinding, TextEdit } from './finding.js';

const file = new GoFile('/x.go', '', 'x');
function finding(edits: TextEdit[], safe = true): RawFinding {
  return { ruleId: 'r', severity: 'warning', message: 'm', file, start: edits[0]?.start ?? 0, end: edits[0]?.end ?? 0, fix: { description: 'd', edits, safe }, related: [] };
}

describe('applySafeFixes', () => {
  const src = 'package x\n\nfunc f() {\n\ta := 1\n\tb := 2\n\t_, _ = a, b\n}\n';

  it('applies non-overlapping safe fixes', () => {
    const at = src.indexOf('1');
    const bt = src.indexOf('2');
    const out = applySafeFixes(src, [finding([{ start: at, end: at + 1, newText: '10' }]), finding([{ start: bt, end: bt + 1, newText: '20' }])]);
    expect(out.applied).toHaveLength(2);
    expect(out.text).toContain('a := 10');
    expect(out.text).toContain('b := 20');
  });

  it('leaves out a fix that would break the syntax, keeps the others', () => {
    const at = src.indexOf('1');
    const brace = src.lastIndexOf('}');
    const good = finding([{ start: at, end: at + 1, newText: '3' }]);
    const bad = finding([{ start: brace, end: brace + 1, newText: '' }]);
    const out = applySafeFixes(src, [good, bad]);
    expect(out.applied).toEqual([good]);
    expect(out.rejected).toEqual([bad]);
    expect(syntaxErrorCount(out.text)).toBe(0);
    expect(out.text).toContain('a := 3');
  });

  it('defers overlapping fixes and skips unsafe ones', () => {
    const at = src.indexOf('a := 1');
    const one = finding([{ start: at, end: at + 6, newText: 'a := 5' }]);
    const overlapping = finding([{ start: at + 5, end: at + 6, newText: '7' }]);
    const unsafe = finding([{ start: src.indexOf('2'), end: src.indexOf('2') + 1, newText: '9' }], false);
    const out = applySafeFixes(src, [one, overlapping, unsafe]);
    expect(out.applied).toEqual([one]);
    expect(out.rejected).toEqual([overlapping]);
    expect(out.text).toContain('b := 2');
  });

  it('applyEdits rejects overlaps', () => {
    expect(() => applyEdits('abc', [{ start: 0, end: 2, newText: '' }, { start: 1, end: 3, newText: '' }])).toThrow();
  });
});

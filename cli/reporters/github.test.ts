import { describe, expect, it } from 'vitest';
import { githubReporter } from './github.js';
import { expectGolden, reportInput, sampleReport } from './testing/report-fixtures.js';

describe('github reporter', () => {
  it('matches the golden output', () => {
    expectGolden(githubReporter.render(sampleReport().input), 'github.txt');
  });

  it('writes one escaped command per finding and nothing else', () => {
    const lines = githubReporter.render(sampleReport().input).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:]+,line=\d+,.*title=gomaplint\/[a-z-]+::/);
  });

  it('keeps columns only on single-line findings, in UTF-16 units after CJK and emoji', () => {
    const [, note, multi] = githubReporter.render(sampleReport().input).split('\n');
    // '\tlabel := "漢字😀"; ' is 18 UTF-16 code units, so m["x"] starts in column 19.
    expect(note).toContain('line=4,col=19,endLine=4,endColumn=31,');
    expect(multi).toContain('line=6,endLine=7,title=');
  });

  it('prints nothing without findings', () => {
    expect(githubReporter.render(reportInput([], sampleReport().sources))).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { gitlabReporter } from './gitlab.js';
import { expectGolden, findingIn, FIXTURE_ROOT, MemorySources, reportInput, sampleReport } from './testing/report-fixtures.js';

interface Issue {
  readonly fingerprint: string;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

describe('gitlab reporter', () => {
  it('matches the golden output', () => {
    expectGolden(gitlabReporter.render(sampleReport().input), 'gitlab.json');
  });

  it('gives every finding its own fingerprint, stable when lines are inserted above', () => {
    const file = `${FIXTURE_ROOT}/a.go`;
    const body = 'func f(m map[int]*int) {\n\tm[1] = nil\n\tm[2] = nil\n}\n';
    const render = (text: string) => {
      const sources = new MemorySources().add(file, text);
      const findings = ['m[1] = nil', 'm[2] = nil'].map((at) => findingIn(sources, { path: file, at, message: `${at} keeps the key.` }));
      return JSON.parse(gitlabReporter.render(reportInput(findings, sources))) as Issue[];
    };
    const before = render(`package a\n\n${body}`);
    const after = render(`package a\n\n// added\nvar x = 1\n\n${body}`);
    expect(after.map((i) => i.location.lines.begin)).toEqual(before.map((i) => i.location.lines.begin + 3));
    expect(after.map((i) => i.fingerprint)).toEqual(before.map((i) => i.fingerprint));
    expect(new Set(before.map((i) => i.fingerprint)).size).toBe(2);
  });

  it('writes an empty array without findings', () => {
    expect(gitlabReporter.render(reportInput([], new MemorySources()))).toBe('[]\n');
  });
});

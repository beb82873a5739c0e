import { describe, expect, it } from 'vitest';
import { checkstyleReporter } from './checkstyle.js';
import { expectGolden, reportInput, sampleReport } from './testing/report-fixtures.js';

describe('checkstyle reporter', () => {
  it('matches the golden output', () => {
    expectGolden(checkstyleReporter.render(sampleReport().input), 'checkstyle.xml');
  });

  it('groups findings by file in report order', () => {
    const xml = checkstyleReporter.render(sampleReport().input);
    expect([...xml.matchAll(/<file name="([^"]*)">/g)].map((m) => m[1])).toEqual(['pkg/my dir/cache, v2.go', 'pkg/store/store.go']);
    expect(xml.match(/<error /g)).toHaveLength(3);
  });

  it('writes a valid empty document without findings', () => {
    expect(checkstyleReporter.render(reportInput([], sampleReport().sources))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<checkstyle version="4.3">\n</checkstyle>\n');
  });
});

import zlib from 'node:zlib';
import type { Log, Result, Run } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../analyzer/engine/finding.js';
import { RULES } from '../../rules/index.js';
import { lineHashes } from './line-hash.js';
import { messageText, SARIF_REPORTER, sarifReporter } from './sarif.js';
import { GITHUB_SARIF_LIMITS } from './sarif-limits.js';
import { findingIn, FIXTURE_ROOT, MemorySources, reportInput, sampleReport } from './testing/report-fixtures.js';
import { SarifCollector, schemaErrors } from './testing/sarif-validation.js';

const collected = new SarifCollector();

function render(name: string, input: Parameters<typeof SARIF_REPORTER.render>[0], reporter = SARIF_REPORTER): Run {
  const log = collected.add<Log>(name, reporter.render(input));
  expect(log.runs).toHaveLength(1);
  return log.runs[0] as Run;
}

const results = (run: Run): Result[] => run.results ?? [];

describe('sarif reporter', () => {
  it('describes the tool and every rule that can report', () => {
    const run = render('sample', sampleReport().input);
    const driver = run.tool.driver;
    expect(driver).toMatchObject({ name: 'gomaplint', version: '0.1.0', semanticVersion: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    expect(driver.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const [i, rule] of (driver.rules ?? []).entries()) {
      const meta = (RULES[i] as (typeof RULES)[number]).meta;
      expect(rule).toMatchObject({
        name: meta.name,
        shortDescription: { text: meta.summary },
        fullDescription: { text: meta.description },
        helpUri: expect.stringContaining(`docs/rules/${meta.id}.md`),
        defaultConfiguration: { level: meta.severity },
        properties: { precision: meta.precision, 'problem.severity': expect.stringMatching(/^(error|warning|recommendation)$/) },
      });
      expect(rule.help?.markdown).toContain('## What it finds');
      expect(rule.help?.text).toContain('What it finds');
      expect((rule.properties?.tags as string[]).length).toBeLessThanOrEqual(10);
    }
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `file://${FIXTURE_ROOT}/` } });
  });

  it('writes one result per finding with rule, level, message and a repository-relative location', () => {
    const run = render('sample-results', sampleReport().input);
    expect(results(run).map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ['nil-as-delete', 0, 'warning'],
      ['nil-as-delete', 0, 'note'],
      ['nil-as-delete', 0, 'error'],
    ]);
    const [first, , multiLine] = results(run);
    expect(first?.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'pkg/my%20dir/cache%2C%20v2.go', uriBaseId: '%SRCROOT%' },
          region: { startLine: 4, startColumn: 2, endLine: 4, endColumn: 16 },
        },
      },
    ]);
    expect(multiLine?.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 6, startColumn: 3, endLine: 7, endColumn: 6 });
  });

  it('counts columns in UTF-16 code units after CJK text and an emoji on the same line', () => {
    const { input, sources } = sampleReport();
    const note = results(render('utf16', input))[1];
    const line = sources.get(`${FIXTURE_ROOT}/pkg/store/store.go`)?.lines.lineText(3) ?? '';
    expect(line).toBe('\tlabel := "漢字😀"; m["x"] = nil');
    expect(note?.locations?.[0]?.physicalLocation?.region).toEqual({
      startLine: 4,
      startColumn: line.indexOf('m["x"]') + 1, // 19: the emoji is two code units
      endLine: 4,
      endColumn: line.length + 1, // one past the last character
    });
    expect(line.indexOf('m["x"]') + 1).toBe(19);
  });

  it('links related locations from the message and adds fixes', () => {
    const [first, note] = results(render('related-and-fix', sampleReport().input));
    expect(first?.message.text).toBe(
      'cache[k] = nil keeps the key: 100% of "removed" keys stay, len(cache) counts them.\nUse delete(cache, k). Related: [map cache is declared here](1).',
    );
    expect(first?.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: {
          artifactLocation: { uri: 'pkg/my%20dir/cache%2C%20v2.go', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 11, endLine: 3, endColumn: 34 },
        },
        message: { text: 'map cache is declared here' },
      },
    ]);
    expect(first?.fixes).toEqual([
      {
        description: { text: 'Replace with delete(cache, k)' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'pkg/my%20dir/cache%2C%20v2.go', uriBaseId: '%SRCROOT%' },
            replacements: [{ deletedRegion: { startLine: 4, startColumn: 2, endLine: 4, endColumn: 16 }, insertedContent: { text: 'delete(cache, k)' } }],
          },
        ],
        properties: { safe: true },
      },
    ]);
    expect(note?.relatedLocations).toBeUndefined();
    expect(note?.fixes).toBeUndefined();
  });

  it('escapes brackets in link text only', () => {
    expect(messageText('m[k] = nil', ['declared as m[string]*T \\ here'])).toBe('m[k] = nil. Related: [declared as m\\[string\\]*T \\\\ here](1).');
    expect(messageText('Done!', ['a', 'b'])).toBe('Done! Related: [a](1), [b](2).');
  });

  it("computes GitHub's primaryLocationLineHash for the finding's line", () => {
    const { input, sources } = sampleReport();
    const run = render('fingerprints', input);
    for (const [i, r] of results(run).entries()) {
      const f = input.findings[i] as Finding;
      const text = sources.get(f.path)?.text ?? '';
      expect(r.partialFingerprints).toEqual({ primaryLocationLineHash: lineHashes(text)[f.start.line - 1] });
    }
  });

  it('keeps fingerprints stable when lines are inserted above a finding', () => {
    const file = `${FIXTURE_ROOT}/a.go`;
    const body = ['func f(m map[string]*T, k string) {', '\tm[k] = nil', '}', ''];
    const before = new MemorySources().add(file, ['package a', '', ...body].join('\n'));
    const after = new MemorySources().add(file, ['package a', '', 'import "fmt"', '', 'var _ = fmt.Sprint', '', ...body].join('\n'));
    const run = (sources: MemorySources, name: string) =>
      results(render(name, reportInput([findingIn(sources, { path: file, at: 'm[k] = nil', message: 'm[k] = nil keeps the key.' })], sources)))[0];
    const r1 = run(before, 'stable-before');
    const r2 = run(after, 'stable-after');
    expect(r2?.locations?.[0]?.physicalLocation?.region?.startLine).toBe((r1?.locations?.[0]?.physicalLocation?.region?.startLine ?? 0) + 4);
    expect(r2?.partialFingerprints).toEqual(r1?.partialFingerprints);
    expect(r1?.partialFingerprints?.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
  });

  it('hashes a file with a byte order mark as GitHub reads it (BOM included)', () => {
    const file = `${FIXTURE_ROOT}/bom.go`;
    const text = 'package a\n\nvar m = map[int]*int{}\n\nfunc f() { m[1] = nil }\n';
    const sources = new MemorySources().add(file, text, true);
    const r = results(render('bom', reportInput([findingIn(sources, { path: file, at: 'm[1] = nil', message: 'm[1] = nil keeps the key.' })], sources)))[0];
    expect(r?.partialFingerprints?.primaryLocationLineHash).toBe(lineHashes(`\ufeff${text}`)[4]);
  });

  it('leaves out fingerprints when the source cannot be read', () => {
    const { input } = sampleReport();
    const r = results(render('no-source', { ...input, sources: new MemorySources() }))[0];
    expect(r?.partialFingerprints).toBeUndefined();
  });

  it('uses an absolute file URI for a file outside the repository root', () => {
    const file = '/elsewhere/x y.go';
    const sources = new MemorySources().add(file, 'package x\n\nfunc f(m map[int]*int) { m[0] = nil }\n');
    const r = results(render('outside-root', reportInput([findingIn(sources, { path: file, at: 'm[0] = nil', message: 'm[0] = nil keeps the key.' })], sources)))[0];
    expect(r?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'file:///elsewhere/x%20y.go' });
  });

  it('sets automationDetails.id from the category, as a category', () => {
    const { input } = sampleReport();
    expect(render('category', { ...input, category: 'services/api' }).automationDetails).toEqual({ id: 'services/api/' });
    expect(render('category-slash', { ...input, category: 'gomaplint/' }).automationDetails).toEqual({ id: 'gomaplint/' });
    expect(render('no-category', input).automationDetails).toBeUndefined();
  });

  it('reports files that could not be linted as tool notifications', () => {
    const { input } = sampleReport();
    const run = render('problems', { ...input, problems: [{ path: `${FIXTURE_ROOT}/pkg/bad.go`, message: 'invalid UTF-8 at byte offset 3' }] });
    expect(run.invocations).toEqual([
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'invalid UTF-8 at byte offset 3' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'pkg/bad.go', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('writes a valid log without findings', () => {
    const run = render('empty', reportInput([], new MemorySources()));
    expect(run.results).toEqual([]);
    expect(run.invocations).toEqual([{ executionSuccessful: true }]);
  });
});

describe('sarif reporter within GitHub limits', () => {
  /** `n` findings in one file, severities cycling error, warning, note. */
  function manyFindings(n: number, messageOf: (i: number) => string = (i) => `finding ${i}.`): { findings: Finding[]; sources: MemorySources } {
    const file = `${FIXTURE_ROOT}/big.go`;
    const sources = new MemorySources().add(file, `package big\n\nfunc f(m map[int]*int) {\n\tm[0] = nil\n}\n`);
    const base = findingIn(sources, { path: file, at: 'm[0] = nil', message: '' });
    const severities = ['error', 'warning', 'note'] as const;
    const findings = Array.from({ length: n }, (_, i): Finding => ({ ...base, severity: severities[i % 3] as Finding['severity'], message: messageOf(i) }));
    return { findings, sources };
  }

  it('keeps the most severe findings, in report order, when there are too many results', () => {
    const { findings, sources } = manyFindings(7);
    const warnings: string[] = [];
    const run = render('max-results', { ...reportInput(findings, sources), warn: (m) => warnings.push(m) }, sarifReporter({ maxResults: 4, maxGzipBytes: 1e9 }));
    // errors at 0, 3, 6; warnings at 1, 4: keep the three errors and the first warning
    expect(results(run).map((r) => [r.level, r.message.text])).toEqual([
      ['error', 'finding 0.'],
      ['warning', 'finding 1.'],
      ['error', 'finding 3.'],
      ['error', 'finding 6.'],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/keeps 4 of 7 findings .*left out: 1 warning, 2 notes$/)]);
    expect(run.invocations?.[0]?.toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: "3 of 7 findings were left out (the least severe first) to stay within GitHub code scanning's limits." } },
    ]);
  });

  it('shrinks the file below the gzip size limit', () => {
    // Pseudo-random messages so that the log does not compress to nothing.
    let seed = 42;
    const noise = () => Array.from({ length: 40 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 36).toString(36)).join('');
    const { findings, sources } = manyFindings(600, (i) => `finding ${i} ${noise()}.`);
    const limit = 20_000;
    const warnings: string[] = [];
    const text = sarifReporter({ maxResults: 25_000, maxGzipBytes: limit }).render({ ...reportInput(findings, sources), warn: (m) => warnings.push(m) });
    const run = collected.add<Log>('max-size', text).runs[0] as Run;
    expect(zlib.gzipSync(text).length).toBeLessThanOrEqual(limit);
    const kept = results(run).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(600);
    const levels = results(run).map((r) => r.level);
    // every error is kept before any note
    expect(levels.filter((l) => l === 'error')).toHaveLength(Math.min(kept, 200));
    expect(warnings).toHaveLength(1);
  });

  it("applies GitHub's limit of 25,000 results by default", () => {
    expect(GITHUB_SARIF_LIMITS).toEqual({ maxResults: 25_000, maxGzipBytes: 10_000_000 });
    const { findings, sources } = manyFindings(25_003);
    const warnings: string[] = [];
    const log = JSON.parse(SARIF_REPORTER.render({ ...reportInput(findings, sources), warn: (m) => warnings.push(m) })) as Log;
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0]?.results).toHaveLength(25_000);
    expect(warnings).toEqual([expect.stringMatching(/keeps 25000 of 25003 findings .*left out: 3 notes$/)]);
  });
});

describe('the SARIF validators', () => {
  it('reject what GitHub would reject', () => {
    const log = JSON.parse(SARIF_REPORTER.render(sampleReport().input)) as Log & { runs: Array<Run & { results: Array<Result & { level: string }> }> };
    const badLevel = structuredClone(log);
    (badLevel.runs[0] as { results: Array<{ level: string }> }).results[0]!.level = 'warn';
    expect(schemaErrors(badLevel).join('\n')).toMatch(/level must be equal to one of the allowed values/);
    const noSchema: Partial<Log> = structuredClone(log);
    delete noSchema.$schema;
    expect(schemaErrors(noSchema)).toEqual([]); // schema-valid, but GitHub wants $schema: the multitool must catch it
    collected.add('deliberately-without-schema', JSON.stringify(noSchema));
  });

  it('Sarif.Multitool (Ghas;Sarif) accepts every log above and flags the broken one', () => {
    expect(collected.files.length).toBeGreaterThan(10);
    const problems = collected.multitoolProblems();
    const [broken, others] = [problems.filter((p) => p.includes('deliberately-without-schema')), problems.filter((p) => !p.includes('deliberately-without-schema'))];
    expect(others).toEqual([]);
    expect(broken.join('\n')).toMatch(/error GH1013/);
  });
});

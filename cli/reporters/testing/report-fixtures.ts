/**
 * Report inputs for reporter tests: findings placed in in-memory Go sources, so positions (UTF-16
 * columns, byte columns, offsets) are computed exactly as the analyzer computes them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Finding, Severity } from '../../../analyzer/engine/finding.js';
import { emptyStats } from '../../../analyzer/pipeline/lint-directory.js';
import { LineIndex } from '../../../analyzer/syntax/line-index.js';
import { RULES } from '../../../rules/index.js';
import type { ReportInput } from '../reporter.js';
import type { Source, SourceReader } from '../source-cache.js';

export const FIXTURE_ROOT = '/work/repo';

export class MemorySources implements SourceReader {
  private readonly files = new Map<string, Source>();

  add(file: string, text: string, hasBom = false): this {
    this.files.set(file, { text, lines: new LineIndex(text), hasBom });
    return this;
  }

  get(file: string): Source | undefined {
    return this.files.get(file);
  }
}

export interface FindingSpec {
  readonly path: string;
  /** The finding covers the first occurrence of this text in the file. */
  readonly at: string;
  readonly message: string;
  readonly severity?: Severity;
  readonly ruleId?: string;
  readonly fix?: { readonly description: string; readonly newText: string; readonly safe?: boolean };
  readonly related?: ReadonlyArray<{ readonly at: string; readonly message: string }>;
}

export function findingIn(sources: MemorySources, spec: FindingSpec): Finding {
  const src = sources.get(spec.path);
  if (!src) throw new Error(`no source for ${spec.path}`);
  const range = (needle: string) => {
    const start = src.text.indexOf(needle);
    if (start < 0) throw new Error(`${JSON.stringify(needle)} not in ${spec.path}`);
    return { start: src.lines.position(start), end: src.lines.position(start + needle.length) };
  };
  const { start, end } = range(spec.at);
  return {
    ruleId: spec.ruleId ?? 'nil-as-delete',
    severity: spec.severity ?? 'warning',
    message: spec.message,
    path: spec.path,
    start,
    end,
    ...(spec.fix ? { fix: { description: spec.fix.description, safe: spec.fix.safe ?? true, edits: [{ start, end, newText: spec.fix.newText }] } } : {}),
    related: (spec.related ?? []).map((r) => ({ path: spec.path, ...range(r.at), message: r.message })),
  };
}

export function reportInput(findings: readonly Finding[], sources: SourceReader, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    findings,
    problems: [],
    stats: { ...emptyStats(), files: 3, packages: 2 },
    rules: RULES,
    cwd: FIXTURE_ROOT,
    root: FIXTURE_ROOT,
    durationMs: 12,
    toolVersion: '0.1.0',
    color: false,
    sources,
    ...overrides,
  };
}

/**
 * A representative report: a path with a space and a comma, messages with `%`, `:`, `,` and a
 * line break, all three severities, a multi-line finding, a related location and a fix, and a
 * finding after CJK text and an emoji on the same line.
 */
export function sampleReport(): { input: ReportInput; sources: MemorySources } {
  const spaced = `${FIXTURE_ROOT}/pkg/my dir/cache, v2.go`;
  const plain = `${FIXTURE_ROOT}/pkg/store/store.go`;
  const sources = new MemorySources()
    .add(spaced, ['package cache', '', 'func drop(cache map[string]*entry, k string) {', '\tcache[k] = nil', '}', ''].join('\n'))
    .add(plain, ['package store', '', 'func f(m map[string]*T) {', '\tlabel := "漢字😀"; m["x"] = nil', '\tfor k := range m {', '\t\tdelete(m,', '\t\t\tk)', '\t}', '}', ''].join('\r\n'));
  const findings = [
    findingIn(sources, {
      path: spaced,
      at: 'cache[k] = nil',
      message: 'cache[k] = nil keeps the key: 100% of "removed" keys stay, len(cache) counts them.\nUse delete(cache, k).',
      fix: { description: 'Replace with delete(cache, k)', newText: 'delete(cache, k)' },
      related: [{ at: 'cache map[string]*entry', message: 'map cache is declared here' }],
    }),
    findingIn(sources, { path: plain, at: 'm["x"] = nil', message: 'm["x"] = nil keeps the key in map m.', severity: 'note' }),
    findingIn(sources, { path: plain, at: 'delete(m,\r\n\t\t\tk)', message: 'delete(m, k) inside range over m: fine, but <noted> & "quoted".', severity: 'error' }),
  ];
  return { input: reportInput(findings, sources), sources };
}

/** Compares `actual` with a golden file under testdata/reporters/ (UPDATE_GOLDEN=1 rewrites it). */
export function expectGolden(actual: string, name: string): void {
  const file = path.join(fileURLToPath(new URL('../../../testdata/reporters/', import.meta.url)), name);
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

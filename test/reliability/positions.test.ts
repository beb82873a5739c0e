/**
 * Non-ASCII source: identifiers, strings and comments in CJK and emoji (astral-plane characters,
 * two UTF-16 code units and four UTF-8 bytes) before a finding on the same line. Lines and columns
 * must be right in every output format, each in its documented unit (docs/reliability.md):
 *
 * | format | line    | column                          |
 * |--------|---------|---------------------------------|
 * | text   | 1-based | 1-based UTF-8 bytes (go tool)    |
 * | json   | 1-based | `column`: 1-based UTF-16 code units; `byteColumn`: 1-based UTF-8 bytes |
 *
 * Each format is one entry of FORMATS: a reader that extracts (line, column) pairs from the
 * output, and the unit its columns are in. SARIF (`utf16CodeUnits`) and the LSP server (UTF-16 by
 * default) get their entry next to these when they land.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, lintOneFile, parseJsonReport, positionProblems, removeTempDirs, tempTree } from './harness.js';

afterAll(removeTempDirs);

type Unit = 'utf-8' | 'utf-16';

interface Format {
  readonly args: readonly string[];
  readonly unit: Unit;
  /** (line, column) of every finding's start, in output order. */
  read(stdout: string): Array<[number, number]>;
}

const FORMATS: Record<string, Format> = {
  text: {
    args: ['--format', 'text'],
    unit: 'utf-8',
    read: (stdout) => [...stdout.matchAll(/^x\.go:(\d+):(\d+): /gm)].map((m) => [Number(m[1]), Number(m[2])]),
  },
  json: {
    args: ['--format', 'json'],
    unit: 'utf-16',
    read: (stdout) => parseJsonReport(stdout).findings.map((f) => [f.start.line, f.start.column]),
  },
  'json byteColumn': {
    args: ['--format', 'json'],
    unit: 'utf-8',
    read: (stdout) => parseJsonReport(stdout).findings.map((f) => [f.start.line, f.start.byteColumn]),
  },
  sarif: {
    args: ['--format', 'sarif'],
    unit: 'utf-16',
    read: (stdout) =>
      (JSON.parse(stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number } } }> }> }> }).runs[0]!.results.map((r) => {
        const region = r.locations[0]!.physicalLocation.region;
        return [region.startLine, region.startColumn];
      }),
  },
};

/** Where each `⟪` marks a finding's start: the text without markers, and the expected positions. */
function marked(source: string): { text: string; at: Array<{ line: number; 'utf-8': number; 'utf-16': number }> } {
  const parts = source.split('⟪');
  let text = parts[0] ?? '';
  const at: Array<{ line: number; 'utf-8': number; 'utf-16': number }> = [];
  for (const part of parts.slice(1)) {
    const lineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
    const prefix = text.slice(lineStart);
    at.push({ line: text.split(/\r\n|\r|\n/).length, 'utf-8': Buffer.byteLength(prefix, 'utf8') + 1, 'utf-16': prefix.length + 1 });
    text += part;
  }
  return { text, at };
}

/** Every finding starts at a marker. Identifiers, strings and comments in CJK and emoji. */
const SOURCE = marked(`package p

// 地图 🗺️: キャッシュ
type 缓存 struct{ 条目 map[string]*int }

func 新建() *缓存 { return &缓存{条目: map[string]*int{}} }

func (c *缓存) 清除(键 string) {
	/* 😀 删除 */ ⟪c.条目[键] = nil
}

func f(m map[string]*int, 名前 string) {
	if 名前 == "🔑" { ⟪m[名前] = nil }
	x := "日本語😀🎉"; ⟪m[x] = nil
	/* 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 */ delete(m, "a"); ⟪m["😀"] = nil
	for k := range m { /* 🔁 */ ⟪m[k+"🆕"] = new(int) }
}

func g(m map[string]*int) {
	ラベル: ⟪m["é"] = nil
	goto ラベル
}
`);

describe('positions after CJK and emoji on the same line', () => {
  const dir = tempTree({ 'x.go': SOURCE.text });

  it('the source has the findings the markers say (and their positions are consistent)', () => {
    const result = lintOneFile(path.join(dir, 'x.go'));
    expect(result.problems).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.start.line])).toEqual([
      ['nil-as-delete', 9],
      ['nil-as-delete', 13],
      ['nil-as-delete', 14],
      ['nil-as-delete', 15],
      ['insert-in-range', 16],
      ['nil-as-delete', 20],
    ]);
    expect(result.findings.map((f) => f.start.line)).toEqual(SOURCE.at.map((a) => a.line));
    expect(positionProblems(SOURCE.text, path.join(dir, 'x.go'), result.findings)).toEqual([]);
  });

  it.each(Object.entries(FORMATS))('%s', async (_name, format) => {
    const r = await cli(dir, ...format.args, 'x.go');
    expect(r.code).toBe(1);
    expect(format.read(r.stdout)).toEqual(SOURCE.at.map((a) => [a.line, a[format.unit]]));
  });

  it('the two units differ on these lines (the test would catch a mix-up)', () => {
    for (const a of SOURCE.at) expect(a['utf-8']).not.toBe(a['utf-16']);
  });
});

describe('fixes in non-ASCII lines', () => {
  it('edit exactly the finding, keeping the characters around it', async () => {
    const src = 'package p\n\nfunc f(m map[string]*int) {\n\t/* 😀 */ m["键🔑"] = nil // 注释 🎉\n\tx := "日本"; m[x] = nil\n}\n';
    const dir = tempTree({ 'x.go': src });
    const r = await cli(dir, '--fix', 'x.go');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'x.go'), 'utf8')).toBe('package p\n\nfunc f(m map[string]*int) {\n\t/* 😀 */ delete(m, "键🔑") // 注释 🎉\n\tx := "日本"; delete(m, x)\n}\n');
  });
});

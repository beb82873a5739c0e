/**
 * Very large inputs: a 20 MB generated file, a 1 MB line, code nested 10,000 deep, long functions
 * and files with thousands of declarations, 100,000 files in a tree. Inputs are generated in a
 * temporary directory at test time. Every run must finish (bounded by the test timeouts), report
 * no internal error (a stack overflow in a rule would be one), lose no finding, and put every
 * finding where it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, lintOneFile, parseJsonReport, positionProblems, removeTempDirs, tempDir, timed } from './harness.js';

afterAll(removeTempDirs);

/** Writes `text` as `name` in a fresh directory and lints it (all rules, through the pipeline). */
function lintText(text: string, name = 'x.go') {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  const { value: result, ms } = timed(() => lintOneFile(file));
  return { result, ms, file, text };
}

/** 1-based line of the first occurrence of `needle` at or after `from`. */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

const DEPTH = 10_000;

/** Go files with a construct nested DEPTH deep, and how many findings each must produce. */
const NESTED: ReadonlyArray<{ name: string; text: string; findings: number }> = [
  {
    name: 'parenthesized expression (the key)',
    text: `package p\n\nfunc f(m map[string]*int) {\n\tm[${'('.repeat(DEPTH)}"k"${')'.repeat(DEPTH)}] = nil\n}\n`,
    findings: 1,
  },
  {
    // Past the typing depth bound the map's type is unknown, and unknown means silent.
    name: 'parenthesized expression (the map)',
    text: `package p\n\nfunc f(m map[string]*int) {\n\t${'('.repeat(DEPTH)}m${')'.repeat(DEPTH)}["k"] = nil\n}\n`,
    findings: 0,
  },
  {
    name: 'binary expression chain',
    text: `package p\n\nfunc f(m map[string]*int) int {\n\tx := ${Array(DEPTH).fill('1').join(' + ')}\n\tm["k"] = nil\n\treturn x\n}\n`,
    findings: 1,
  },
  {
    name: 'unary expression chain',
    text: `package p\n\nfunc f(m map[string]*int) int {\n\tx := ${'^'.repeat(DEPTH)}1\n\tm["k"] = nil\n\treturn x\n}\n`,
    findings: 1,
  },
  {
    name: 'blocks',
    text: `package p\n\nfunc f(m map[string]*int) {\n${'{\n'.repeat(DEPTH)}m["k"] = nil\n${'}\n'.repeat(DEPTH)}}\n`,
    findings: 1,
  },
  {
    name: 'if statements',
    text: `package p\n\nfunc f(m map[string]*int, c bool) {\n${'if c {\n'.repeat(DEPTH)}m["k"] = nil\n${'}\n'.repeat(DEPTH)}}\n`,
    findings: 1,
  },
  {
    name: 'function literals',
    text: `package p\n\nfunc f(m map[string]*int) {\n${'func() {\n'.repeat(DEPTH)}m["k"] = nil\n${'}()\n'.repeat(DEPTH)}}\n`,
    findings: 1,
  },
  {
    // Every loop ranges over m: the delete innermost is order-dependent for the outer loops.
    name: 'range loops',
    text: `package p\n\nfunc f(m map[string]int) {\n${'for k := range m {\n'.repeat(DEPTH)}_ = k\nm["new"] = 1\n${'}\n'.repeat(DEPTH)}}\n`,
    findings: 1,
  },
  {
    name: 'composite literals',
    text: `package p\n\nvar x = ${'[]any{'.repeat(DEPTH)}${'}'.repeat(DEPTH)}\n\nfunc f(m map[string]*int) {\n\tm["k"] = nil\n}\n`,
    findings: 1,
  },
  {
    name: 'call arguments',
    text: `package p\n\nfunc g(s string) string { return s }\n\nfunc f(m map[string]*int) {\n\tm[${'g('.repeat(DEPTH)}"k"${')'.repeat(DEPTH)}] = nil\n}\n`,
    findings: 1,
  },
  {
    name: 'index and selector chains',
    text: `package p\n\nfunc f(m map[string]*int, s [][]int, t T) {\n\t_ = s${'[0]'.repeat(DEPTH)}\n\t_ = t${'.x'.repeat(DEPTH)}\n\tm["k"] = nil\n}\n`,
    findings: 1,
  },
  {
    name: 'map types',
    text: `package p\n\nfunc f(m ${'map[string]'.repeat(DEPTH)}*int) {\n\tdelete(m, "k")\n\tfor k := range m {\n\t\tdelete(m, k)\n\t}\n}\n`,
    findings: 1,
  },
];

describe(`code nested ${DEPTH} deep (iterative walks, bounded recursion)`, () => {
  it.each(NESTED)('$name', ({ text, findings }) => {
    const { result, file } = lintText(text);
    expect(result.problems).toEqual([]);
    expect(result.findings).toHaveLength(findings);
    expect(positionProblems(text, file, result.findings)).toEqual([]);
  }, 30_000);
});

describe('long functions and files with many declarations stay linear', () => {
  it('a function filling a map line by line (10,000 writes)', () => {
    // Was one flow analysis, lock scan and reference scan per write: minutes.
    const lines = Array.from({ length: 10_000 }, (_, i) => `\tm["k${i}"] = ${i}\n`).join('');
    const { result, ms } = lintText(`package p\n\nfunc table() map[string]int {\n\tvar m map[string]int\n\tm = make(map[string]int)\n${lines}\treturn m\n}\n`);
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);

  it('a function with 10,000 `x, err :=` redeclarations', () => {
    // Was a recursion per redeclaration: "Maximum call stack size exceeded" in every rule.
    const lines = Array.from({ length: 10_000 }, (_, i) => `\ta${i}, err := g()\n\tm["x"] = a${i}\n`).join('');
    const text = `package p\n\nfunc f() error {\n\tvar m map[string]int\n\tvar err error\n${lines}\treturn err\n}\n\nfunc g() (int, error) { return 0, nil }\n`;
    const { result, file } = lintText(text);
    expect(result.problems).toEqual([]);
    // m is never made: the first write panics (reported), and later writes are unreachable.
    expect(result.findings.map((f) => [f.ruleId, f.start.line])).toEqual([['nil-map-write', 7]]);
    expect(positionProblems(text, file, result.findings)).toEqual([]);
  }, 30_000);

  it('5,000 functions with a finding each (a finding per 200 bytes)', () => {
    // Was a package-wide text scan per write, and a linear scan of the file's 5,000 children per node lookup.
    const fns = Array.from({ length: 5_000 }, (_, i) => `\nfunc f${i}(m map[string]*int, n int) int {\n\tfor k, v := range m {\n\t\tif v == nil {\n\t\t\tn++\n\t\t}\n\t\t_ = k\n\t}\n\tm["k${i}"] = nil\n\treturn n\n}\n`);
    const text = `package p\n${fns.join('')}`;
    const { result, file } = lintText(text);
    expect(result.problems).toEqual([]);
    expect(result.findings).toHaveLength(5_000);
    expect(result.findings.every((f) => f.ruleId === 'nil-as-delete')).toBe(true);
    expect(result.findings[4_999]?.start.line).toBe(lineOf(text, 'm["k4999"] = nil'));
    expect(positionProblems(text, file, result.findings)).toEqual([]);
  }, 60_000);
});

describe('big files', () => {
  it('a 20 MB generated file: every finding reported, at the right line', async () => {
    const dir = tempDir();
    const parts: string[] = ['// Code generated by gentables; DO NOT EDIT.\n\npackage tables\n'];
    let size = parts[0]?.length ?? 0;
    const expectedLines: number[] = [];
    let line = 4;
    let chunk = 0;
    while (size < 20 * 1024 * 1024) {
      // A data table (most of the bytes, as in generated code) followed by functions with findings.
      const rows = Array.from({ length: 12_000 }, (_, i) => `\t"key_${chunk}_${i}": ${i},\n`);
      const table = `\nvar table${chunk} = map[string]int{\n${rows.join('')}}\n`;
      parts.push(table);
      size += table.length;
      line += 3 + rows.length;
      for (let j = 0; j < 10; j++) {
        const fn = `\nfunc drop${chunk}_${j}(m map[string]*int, k string) {\n\tm[k] = nil\n}\n`;
        parts.push(fn);
        size += fn.length;
        expectedLines.push(line + 2);
        line += 4;
      }
      chunk++;
    }
    const text = parts.join('');
    fs.writeFileSync(path.join(dir, 'tables.go'), text);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(20 * 1024 * 1024);

    // Generated: skipped by default (and counted), linted when asked.
    const skipped = parseJsonReport((await cli(dir, '--format', 'json', './...')).stdout);
    expect(skipped.summary.generated).toBe(1);
    const run = await cli(dir, '--format', 'json', '--include-generated', './...');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const report = parseJsonReport(run.stdout);
    expect(report.findings.map((f) => f.start.line)).toEqual(expectedLines);
    expect(report.findings.every((f) => f.rule === 'nil-as-delete' && f.start.column === 2)).toBe(true);
  }, 120_000);

  it('a 1 MB line: findings on it have the right columns, and the text output does not print it', async () => {
    const decls = Array.from({ length: 20_000 }, (_, i) => `func f${i}(m map[string]*int) { m["é${i}"] = nil }`);
    const text = `package p; ${decls.join('; ')}\n`;
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const { result, file } = lintText(text);
    expect(result.problems).toEqual([]);
    expect(result.findings).toHaveLength(20_000);
    expect(result.findings.every((f) => f.start.line === 1)).toBe(true);
    const last = text.lastIndexOf('m["é19999"]');
    expect(result.findings[19_999]?.start).toMatchObject({ column: last + 1, byteColumn: Buffer.byteLength(text.slice(0, last)) + 1 });
    expect(positionProblems(text, file, result.findings)).toEqual([]);

    const out = await cli(path.dirname(file), path.basename(file));
    expect(out.code).toBe(1);
    // One location line per finding, no 1 MB code frame.
    expect(out.stdout.length).toBeLessThan(20_000 * 400);
    expect(out.stdout).toContain(`x.go:1:${Buffer.byteLength(text.slice(0, last)) + 1}: warning nil-as-delete`);
  }, 60_000);

  it('a 1 MB string literal before a finding', () => {
    const text = `package p\n\nvar blob = "${'x'.repeat(1024 * 1024)}"\n\nfunc f(m map[string]*int) {\n\tm["k"] = nil\n}\n`;
    const { result, file } = lintText(text);
    expect(result.problems).toEqual([]);
    expect(result.findings.map((f) => [f.start.line, f.start.column])).toEqual([[6, 2]]);
    expect(positionProblems(text, file, result.findings)).toEqual([]);
  }, 30_000);
});

describe('a tree of 100,000 files', () => {
  it('is walked and linted without running out of anything, findings from every corner', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'go.mod'), 'module many\n\ngo 1.22\n');
    // 1,000 packages of 100 tiny files, two levels deep; one finding in every 100th package. Most
    // files are hard links to a few written ones: writing 100,000 files takes 30 s and more on a
    // busy disk, linking them about a second (and each link is a file of its own to the linter).
    let written = '';
    const place = (file: string, content: string, share: boolean): void => {
      if (share && written) {
        try {
          fs.linkSync(written, file);
          return;
        } catch {
          // No hard links here (or too many on one file): write it.
        }
      }
      fs.writeFileSync(file, content);
      if (share) written = file;
    };
    for (let d = 0; d < 1_000; d++) {
      const pkg = path.join(dir, `group${Math.floor(d / 100)}`, `p${d}`);
      fs.mkdirSync(pkg, { recursive: true });
      if (d % 10 === 0) written = '';
      for (let f = 0; f < 100; f++) {
        const bad = f === 99 && d % 100 === 99;
        if (bad) place(path.join(pkg, `f${f}.go`), 'package p\n\nfunc f(m map[string]*int) {\n\tm["k"] = nil\n}\n', false);
        else place(path.join(pkg, `f${f}.go`), 'package p\n\nfunc g() int { return 1 }\n', true);
      }
    }
    const run = await cli(dir, '--format', 'json', './...');
    expect(run.stderr).toBe('');
    const report = parseJsonReport(run.stdout);
    expect(report.summary.files).toBe(100_000);
    expect(report.findings.map((f) => f.file)).toEqual(Array.from({ length: 10 }, (_, g) => `group${g}/p${g * 100 + 99}/f99.go`));
  }, 120_000);
});

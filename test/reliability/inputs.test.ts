/**
 * Bad and unusual file contents: syntax errors anywhere, invalid UTF-8, NUL bytes, binary files
 * named x.go, empty files, a lone BOM, a BOM before `package`, CRLF and lone-CR line endings, no
 * trailing newline. Nothing crashes, the parsable parts are linted, nothing is reported from
 * inside an ERROR region, positions are right, and unreadable files are skipped with a warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeGoSource, firstInvalidUtf8 } from '../../analyzer/syntax/source-text.js';
import { cli, findingsInErrorRegions, lintOneFile, parseJsonReport, positionProblems, removeTempDirs, stderrLines, tempDir, tempTree } from './harness.js';

afterAll(removeTempDirs);

/** A function with one nil-as-delete finding on its second line. */
const fn = (name: string) => `func ${name}(m map[string]*int) {\n\tm["${name}"] = nil\n}\n`;

function lint(text: string | Uint8Array, name = 'x.go') {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  const result = lintOneFile(file);
  return { result, file };
}

/** Lines of the findings in `text`, after checking that none comes from an error region. */
function findingLines(text: string): number[] {
  const { result, file } = lint(text);
  expect(result.problems).toEqual([]);
  expect(findingsInErrorRegions(text, result.findings)).toEqual([]);
  expect(positionProblems(text, file, result.findings)).toEqual([]);
  return result.findings.map((f) => f.start.line);
}

describe('syntax errors: the parsable parts are linted, nothing is reported from an ERROR region', () => {
  const before = `package p\n\n${fn('before')}\n`; // finding on line 4
  it.each([
    ['an unterminated string', `${before}func bad(m map[string]*int) {\n\tm["bad"] = nil\n\ts := "unterminated\n\tm["late"] = nil\n}\n\n${fn('after')}`, [4, 8, 14]],
    ['an unterminated raw string', `${before}func bad(m map[string]*int) {\n\tm["bad"] = nil\n\ts := \`unterminated\n\tm["late"] = nil\n}\n\n${fn('after')}`, [4]],
    // tree-sitter-go parses an unclosed /* as `/` and `*x` and goes on; for Go the rest is a comment.
    ['an unterminated block comment', `${before}func bad(m map[string]*int) {\n\tm["bad"] = nil\n\t/* unterminated\n\tm["late"] = nil\n}\n\n${fn('after')}`, [4, 8]],
    ['an unterminated block comment read as a division', `${before}func bad(m map[string]*int, a, b int) int {\n\tm["bad"] = nil\n\treturn a /* b\n}\n\n${fn('after')}`, [4, 8]],
    ['a missing closing brace (truncated file)', `${before}func bad(m map[string]*int) {\n\tm["bad"] = nil\n\tif len(m) > 0 {\n\t\tm["late"] = nil\n`, [4]],
    // The last function is read as a function literal inside the unclosed one: its statements parse.
    ['a missing closing brace in the middle', `${before}func bad(m map[string]*int) {\n\tif len(m) > 0 {\n\t\tm["bad"] = nil\n}\n\n${fn('after')}`, [4, 9, 13]],
    ['an extra closing brace', `${before}func bad(m map[string]*int) {\n\tm["bad"] = nil\n}\n}\n\n${fn('after')}`, [4, 8, 13]],
    ['garbage after a statement', `${before}func bad(m map[string]*int) {\n\tm["bad"] = nil )))\n\tm["ok"] = nil\n}\n\n${fn('after')}`, [4, 13]],
    ['a broken signature', `${before}func bad(m map[string]*int {\n\tm["bad"] = nil\n}\n\n${fn('after')}`, [4, 8, 12]],
    ['a file truncated inside a call', `${before}func bad(m map[string]*int, k string) {\n\tfor k := range m {\n\t\tdelete(m, k`, [4]],
    ['a file truncated inside a statement', `${before}func bad(m map[string]*int) {\n\tm["bad"] =`, [4]],
    ['random punctuation between declarations', `${before}@#$%^&*\n\n${fn('after')}`, [4, 10]],
  ])('%s', (_what, text, lines) => {
    expect(findingLines(text)).toEqual(lines);
  });

  it('a statement whose own range contains an error is not reported', () => {
    // The index expression is broken; the statement around it is an error region.
    expect(findingLines(`package p\n\nfunc f(m map[string]*int) {\n\tm[@] = nil\n\tm["ok"] = nil\n}\n`)).toEqual([5]);
  });
});

describe('encodings and bytes that are not Go source', () => {
  it.each([
    ['a lone continuation byte', [0x70, 0x0a, 0x80, 0x0a], 2],
    ['an overlong encoding of "/"', [0x70, 0x20, 0xc0, 0xaf], 2],
    ['a UTF-8-encoded surrogate', [0x70, 0x20, 0x20, 0xed, 0xa0, 0x80], 3],
    ['a sequence truncated at the end of the file', [0x70, 0x20, 0xe6, 0x97], 2],
    ['Latin-1 text', [0x2f, 0x2f, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a], 6],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('invalid UTF-8 (%s) is rejected with the byte offset', (_what, bytes, offset) => {
    const decoded = decodeGoSource(new Uint8Array(bytes));
    expect(decoded).toEqual({ ok: false, problem: `invalid UTF-8 at byte offset ${offset}` });
    expect(firstInvalidUtf8(new Uint8Array(bytes))).toBe(offset);
  });

  it('invalid UTF-8, NUL bytes and binary files are skipped with a warning; the good file is linted', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const dir = tempTree({
      'ok.go': `package p\n\n${fn('ok')}`,
      'latin1.go': Buffer.concat([Buffer.from('package p\n\n// caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'nul.go': 'package p\n\nvar s = "a\u0000b"\n',
      'image.go': png,
    });
    const r = await cli(dir, '--format', 'json', './...');
    expect(r.code).toBe(1);
    expect(stderrLines(r.stderr)).toEqual([
      'gomaplint: image.go: skipped: not Go source: NUL byte at offset 8 (binary file?)',
      'gomaplint: latin1.go: skipped: invalid UTF-8 at byte offset 17',
      'gomaplint: nul.go: skipped: not Go source: NUL byte at offset 21 (binary file?)',
    ]);
    const out = parseJsonReport(r.stdout);
    expect(out.findings.map((f) => f.file)).toEqual(['ok.go']);
    expect(out.summary).toMatchObject({ files: 1, skipped: 3 });
  });

  it('a binary file that happens to be valid UTF-8 without NUL bytes is parsed (all errors), not trusted', () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = 1 + (x % 127); // 1..127: ASCII control characters and text
    }
    const { result } = lint(bytes);
    expect(result.problems).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});

describe('empty files, BOMs, line endings', () => {
  it('an empty file and a file with only a BOM are linted (nothing to find) next to a good file', async () => {
    const dir = tempTree({ 'empty.go': '', 'bom.go': new Uint8Array([0xef, 0xbb, 0xbf]), 'ok.go': `package p\n\n${fn('ok')}` });
    const r = await cli(dir, '--format', 'json', './...');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const out = parseJsonReport(r.stdout);
    expect(out.findings.map((f) => [f.file, f.start.line])).toEqual([['ok.go', 4]]);
    expect(out.summary).toMatchObject({ files: 3, skipped: 0 });
  });

  it('an empty file alone: linted, no findings, exit 0', async () => {
    const r = await cli(tempTree({ 'x.go': '' }), './...');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no findings in 1 file/);
  });

  it('a BOM before package: positions exclude it (offsets, UTF-16 and byte columns)', async () => {
    const body = `package p\n\n${fn('f')}func g(m map[string]*int) { m["g"] = nil }\n`;
    const dir = tempTree({ 'bom.go': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]), 'plain/plain.go': body });
    const r = await cli(dir, '--format', 'json', './...');
    const out = parseJsonReport(r.stdout);
    const at = (file: string) => out.findings.filter((f) => f.file === file).map((f) => f.start);
    expect(at('bom.go')).toEqual(at('plain/plain.go'));
    expect(at('bom.go').map((p) => [p.line, p.column, p.byteColumn])).toEqual([
      [4, 2, 2],
      [6, 29, 29],
    ]);
    expect(at('bom.go')[0]?.offset).toBe(body.indexOf('m["f"]'));
  });

  it('CRLF line endings: same lines and columns as LF, and no \\r in the code frame', async () => {
    const lf = `package p\n\n${fn('f')}\n// 日本\nfunc g(m map[string]*int) { /* é */ m["g"] = nil }\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const dir = tempTree({ 'lf/x.go': lf, 'crlf/x.go': crlf });
    const out = parseJsonReport((await cli(dir, '--format', 'json', './...')).stdout);
    const lines = (dirName: string) => out.findings.filter((f) => f.file.startsWith(dirName)).map((f) => [f.start.line, f.start.column, f.start.byteColumn, f.end.line, f.end.column]);
    expect(lines('crlf/')).toEqual(lines('lf/'));
    expect(positionProblems(crlf, path.join(dir, 'crlf/x.go'), lintOneFile(path.join(dir, 'crlf/x.go')).findings)).toEqual([]);
    const text = await cli(dir, 'crlf/x.go');
    // Line 8: /* é */ before the finding is 8 UTF-16 units and 9 bytes.
    expect(text.stdout).toContain('crlf/x.go:8:38: warning nil-as-delete');
    expect(text.stdout).not.toContain('\r');
  });

  it('lone CR line endings: each CR ends a line, as in editors and LSP (Go itself needs semicolons then)', () => {
    // With explicit semicolons the file parses; positions count CR as a line break.
    const cr = 'package p;\r\rfunc f(m map[string]*int) {\r\tm["a"] = nil;\r\tm["b"] = nil;\r};\r';
    const { result, file } = lint(cr);
    expect(result.findings.map((f) => [f.start.line, f.start.column])).toEqual([
      [4, 2],
      [5, 2],
    ]);
    expect(positionProblems(cr, file, result.findings)).toEqual([]);
    // Without semicolons Go (and the parser) see one long line full of errors: nothing crashes,
    // nothing is reported from the error regions.
    expect(findingLines(`package p\r\rfunc f(m map[string]*int) {\r\tm["a"] = nil\r\tm["b"] = nil\r}\r`)).toEqual([]);
  });

  it('mixed line endings in one file', () => {
    const text = 'package p\r\n\nfunc f(m map[string]*int) {\r\tm["a"] = nil;\r\n\tm["b"] = nil\n}\n';
    expect(findingLines(text)).toEqual([4, 5]);
  });

  it.each([
    ['after a closing brace', `package p\n\n${fn('f').trimEnd()}`, [4]],
    ['after a line comment', `package p\n\n${fn('f')}// the end`, [4]],
    ['inside a function (truncated)', 'package p\n\nfunc f(m map[string]*int) {\n\tm["f"] = nil', [4]],
    ['after a statement on the last line', 'package p; func f(m map[string]*int) { m["f"] = nil }', [1]],
  ])('no trailing newline (%s)', (_what, text, lines) => {
    expect(findingLines(text)).toEqual(lines);
  });
});

/**
 * The package index parses a file for a name only when its top-level scan (a lexer, no parse)
 * says the file declares it (`mayDeclare`, `mayDeclareMethodOf`). The scan must never miss a
 * declaration the syntax tree has: checked here for every declaration in the testdata and, when
 * it is installed, the Go standard library.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GoFile } from '../syntax/go-file.js';
import { decodeGoSource, readFileHeader } from '../syntax/source-text.js';
import { goFilesUnder } from '../testing/analysistest.js';
import { fixture } from '../testing/model-fixture.js';
import { declaredMethods, declaredNames, mayDeclare, mayDeclareMethodOf } from './package-index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const STD = '/usr/share/go-1.19/src';

/** Declarations the textual tests would miss, as `file: name`. */
function misses(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of files) {
    const decoded = decodeGoSource(fs.readFileSync(p));
    if (!decoded.ok) continue;
    const file = new GoFile(p, decoded.text, readFileHeader(decoded.text).packageName);
    for (const name of declaredNames(file)) if (!mayDeclare(file, name)) out.push(`${p}: ${name}`);
    for (const [type, name] of declaredMethods(file)) if (!mayDeclareMethodOf(file, type)) out.push(`${p}: (${type}).${name}`);
    file.release();
  }
  return out;
}

describe('mayDeclare', () => {
  it('sees declarations of every form', () => {
    const src = `package p
func F() {}
func G[T any](t T) {}
type A int
type B[K comparable] map[K]int
type (
	C struct{}
	D[T any] []T
)
var x, y = 1, 2
var (
	z int
	u, w = 3, 4
)
const k = 1
const ( j = 2; i = 3 )
var (q int)
func (r *A) M() {}
func (B[K]) N() {}
func (r (*C)) O() {}
`;
    const file = new GoFile('/x.go', src, 'p');
    for (const name of ['F', 'G', 'A', 'B', 'C', 'D', 'x', 'y', 'z', 'u', 'w', 'k', 'j', 'i', 'q']) expect(mayDeclare(file, name), name).toBe(true);
    for (const t of ['A', 'B', 'C']) expect(mayDeclareMethodOf(file, t), t).toBe(true);
    expect(fixture(src).model.index.lookup('w')?.kind).toBe('var');
  });

  it('says no for mere uses', () => {
    const src = 'package p\n\n// var string\nfunc f(m map[string]int) (string, error) {\n\tdelete(m, "a")\n\tvar local = "func g() {}"\n\treturn len(m) + cap(make([]int, 1)), nil\n}\n\nvar h = func(x T) int { return 0 }\n';
    const file = new GoFile('/x.go', src, 'p');
    for (const name of ['delete', 'len', 'cap', 'make', 'string', 'int', 'error', 'local', 'g', 'x']) expect(mayDeclare(file, name), name).toBe(false);
    expect(mayDeclare(file, 'h')).toBe(true);
  });

  it('never misses a declaration in the testdata', () => {
    expect(misses(goFilesUnder(path.join(ROOT, 'testdata')))).toEqual([]);
  });

  it.skipIf(!fs.existsSync(STD))('never misses a declaration in the Go standard library', () => {
    expect(misses(goFilesUnder(STD))).toEqual([]);
  });
});

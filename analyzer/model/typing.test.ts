import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/model-fixture.js';
import { asMap, typeString } from './types.js';

/** Type of the nth occurrence of `snippet` (which must span exactly one expression). */
const typeAt = (src: string, snippet: string, nth = 0) => {
  const f = fixture(src);
  return typeString(f.model.typeOf(f.find(snippet, nth)));
};

describe('expression types', () => {
  const decls = `package p
import "net/http"
type Set map[string]bool
type S struct { m map[int]*S; Set }
var g = make(map[string][]int)
func f(s *S, xs ...int) (r map[string]int) {
	a := make(Set)
	b := map[int]string{}
	var c Set
	h := http.Header{}
	use(a, b, c, s.m, s.Set, g, h, new(S).m, r, xs)
}`;
  it.each([
    ['a', 1, 'Set'],
    ['b', 1, 'map[int]string'],
    ['c', 1, 'Set'],
    ['s.m', 0, 'map[int]*S'],
    ['s.Set', 0, 'Set'],
    ['g', 1, 'map[string][]int'],
    ['h', 1, 'http.Header'],
    ['new(S).m', 0, 'map[int]*S'],
    ['r', 1, 'map[string]int'],
    ['xs', 1, '[]int'],
  ])('%s (#%i) is %s', (snippet, nth, want) => {
    expect(typeAt(decls, snippet, nth)).toBe(want);
  });

  it('handles shadowing and block scopes', () => {
    const f = fixture(`package p
func f() {
	m := map[string]int{}
	if m := []int{}; len(m) > 0 {
		use(m)
	}
	{
		m := "x"
		use(m)
	}
	use(m)
	for m := range make(chan bool) { use(m) }
	switch v := any(m).(type) {
	case map[string]int:
		use(v)
	case int, string:
		use(v)
	}
}`);
    const ty = (snippet: string, n: number) => typeString(f.model.typeOf(f.find(snippet, n)));
    // occurrences of "m": 0 decl, 1 if decl, 2 len(m), 3 use(m) in if, 4 block decl, 5 use, 6 use after, 7 range decl, 8 use in range, 9 any(m)
    expect(ty('m', 3)).toBe('[]int');
    expect(ty('m', 5)).toBe('string');
    expect(ty('m', 6)).toBe('map[string]int');
    expect(ty('m', 8)).toBe('bool');
    expect(ty('m', 9)).toBe('map[string]int');
    expect(ty('v', 1)).toBe('map[string]int');
    expect(ty('v', 2)).toBe('interface{}');
  });

  it('resolves redeclaration in := to the original variable', () => {
    const f = fixture(`package p
func f() {
	m, err := g()
	n, err := h()
	use(m, n, err)
}`);
    const first = f.model.resolve(f.find('err', 0));
    expect(first).toBeDefined();
    expect(f.model.resolve(f.find('err', 1))).toBe(first);
    expect(f.model.resolve(f.find('err', 2))).toBe(first);
  });

  it('knows range, comma-ok and function result types', () => {
    const src = `package p
type T struct{}
func mk() map[string]*T { return nil }
func f() {
	m := mk()
	for k, v := range m { use(k, v) }
	w, ok := m["a"]
	use(m, w, ok)
}`;
    expect(typeAt(src, 'm', 2)).toBe('map[string]*T');
    expect(typeAt(src, 'k', 1)).toBe('string');
    expect(typeAt(src, 'v', 1)).toBe('*T');
    expect(typeAt(src, 'w', 1)).toBe('*T');
    expect(typeAt(src, 'ok', 1)).toBe('bool');
  });

  it('sees map-ness through generic constraints, generic types and aliases', () => {
    const f = fixture(`package p
type Alias = map[string]int
type G[K comparable, V any] map[K]V
func f[M ~map[K]V, K comparable, V any](m M, a Alias, g G[int, string]) {
	use(m, a, g)
}`);
    expect(asMap(f.model.typeOf(f.find('m', 1)))).toBeDefined();
    expect(typeString(f.model.typeOf(f.find('a', 1)))).toBe('map[string]int');
    const g = asMap(f.model.typeOf(f.find('g', 1)));
    expect(g && typeString(g.key)).toBe('int');
    expect(g && typeString(g.value)).toBe('string');
  });

  it('says unknown for what it cannot know', () => {
    const src = `package p
import "other/lib"
func f() {
	a := lib.Get()
	b := a.Field
	use(a, b, undefinedName)
}`;
    expect(typeAt(src, 'a', 2)).toBe('?');
    expect(typeAt(src, 'b', 1)).toBe('?');
    expect(typeAt(src, 'undefinedName')).toBe('?');
  });

  it('does not overflow on deeply nested expressions', () => {
    const depth = 20000;
    const f = fixture(`package p\nvar x = ${'('.repeat(depth)}1${')'.repeat(depth)}\n`);
    const value = f.files[0]!.nodeAt(f.files[0]!.text.indexOf('(')).parent!;
    expect(value.type).toBe('parenthesized_expression');
    expect(() => f.model.typeOf(value)).not.toThrow();
  });
});

describe('constant and variable specs with several names', () => {
  it('pairs each name with its own value (commas are not names)', () => {
    const src = `package p
const a, b = 1, "x"
var c, d = map[string]int{}, []int{}
func f() { use(a, b, c, d) }`;
    expect(typeAt(src, 'b', 1)).toBe('string');
    expect(typeAt(src, 'c', 1)).toBe('map[string]int');
    expect(typeAt(src, 'd', 1)).toBe('[]int');
  });
});

import { describe, expect, it } from 'vitest';
import { fixture } from '../testing/model-fixture.js';
import { concurrentContextOf, waitsBetween } from './goroutines.js';
import { locksAt } from './map-sharing.js';

const held = (src: string, snippet: string, nth = 0) => {
  const f = fixture(src);
  return locksAt(f.model, f.find(snippet, nth)).map((l) => `${l.name}:${l.mode}${l.maybe ? '?' : ''}`);
};

describe('locks held at a point', () => {
  it('follows Lock/Unlock along the path, defer Unlock keeps the lock', () => {
    const src = `package p
func f() {
	a()
	mu.Lock()
	b()
	mu.Unlock()
	c()
	rw.RLock()
	defer rw.RUnlock()
	d()
	s.mu.Lock()
	e()
}`;
    expect(held(src, 'a()')).toEqual([]);
    expect(held(src, 'b()')).toEqual(['mu:write']);
    expect(held(src, 'c()')).toEqual([]);
    expect(held(src, 'd()')).toEqual(['rw:read']);
    expect(held(src, 'e()')).toEqual(['rw:read', 's.mu:write']);
  });

  it('a lock taken in an earlier branch is possibly held; TryLock guards its branch', () => {
    const src = `package p
func f() {
	if x {
		mu.Lock()
	}
	a()
	if mu2.TryLock() {
		b()
	}
}`;
    expect(held(src, 'a()')).toEqual(['mu:write?']);
    expect(held(src, 'b()')).toEqual(['mu:write?', 'mu2:write']);
  });

  it('a synchronous closure sees the enclosing locks, a goroutine does not', () => {
    const src = `package p
func f() {
	mu.Lock()
	defer mu.Unlock()
	sort.Slice(xs, func(i, j int) bool { return a() })
	go func() { b() }()
	go func() {
		mu.Lock()
		c()
		mu.Unlock()
	}()
}`;
    expect(held(src, 'a()')).toEqual(['mu:write']);
    expect(held(src, 'b()')).toEqual([]);
    expect(held(src, 'c()')).toEqual(['mu:write']);
  });
});

describe('goroutine boundaries', () => {
  const src = `package p
import (
	"net/http"
	"sync"
	"golang.org/x/sync/errgroup"
)
type S struct{}
func (s *S) ServeHTTP(w http.ResponseWriter, r *http.Request) { a() }
func f(g *errgroup.Group, wg *sync.WaitGroup, mux *http.ServeMux) {
	go func() { b() }()
	g.Go(func() error { c(); return nil })
	wg.Go(func() { d() })
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { e() })
	mux.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) { h() })
	run(func() { i() })
	defer func() { j() }()
	k()
}`;
  const kind = (snippet: string) => {
    const f = fixture(src);
    return concurrentContextOf(f.model, f.find(snippet))?.kind;
  };
  it.each([
    ['a()', 'handler'],
    ['b()', 'go'],
    ['c()', 'errgroup'],
    ['d()', 'waitgroup'],
    ['e()', 'handler'],
    ['h()', 'handler'],
    ['i()', undefined],
    ['j()', undefined],
    ['k()', undefined],
  ])('%s runs in %s', (snippet, want) => {
    expect(kind(snippet)).toBe(want);
  });

  it('knows when a Wait() separates a goroutine from later code', () => {
    const f = fixture(`package p
func f() {
	go func() { a() }()
	b()
	wg.Wait()
	c()
}`);
    const start = f.find('go func() { a() }()');
    expect(waitsBetween(start, f.find('b()'))).toBe(false);
    expect(waitsBetween(start, f.find('c()'))).toBe(true);
  });
});

// Package anchors holds the shapes of candidates that are easy to miss with a text search. The
// anchor proof (analyzer/engine/candidates.test.ts) checks that the anchors find each of them.
package anchors

import "sync"

type table struct {
	m  map[string]int
	mu sync.Mutex
}

func writes(m map[string]int, n map[int]bool, s []int, t *table) {
	m["a"], n[1] = 1, true // a tuple assignment: the anchor is "],"
	m["b"] /* why */ = 2
	m["c"] /* multi
	line */ += 3
	m["d"]++
	m["e"] --
	m["f"] <<= 1
	m["g"] &^= 1
	s[0] = m["h"]
	t.m[func() string { return "x" }()] = 4
	(m["i"]) = 5 // parenthesised: not an index write candidate
	for i := range s {
		s[i], s[len(s)-1-i] = s[len(s)-1-i], s[i]
	}
}

func deletes(m map[string]int, sm *sync.Map) {
	delete ( m , "a" )
	delete(m,
		"b")
	sm.
		Delete("c")
	sm.LoadAndDelete("d")
	sm.Range(func(k, _ any) bool { sm.Delete(k); return true })
}

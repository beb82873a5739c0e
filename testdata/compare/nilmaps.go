// Package compare holds the shapes of staticcheck's SA5000 and S1033 tests, compilable with the
// standard library only, so that both tools can be run on it (npm run corpus).
package compare

// SA5000 flags these two.
func fn1() {
	var m map[int]int
	m[1] = 1 // want "nil-map-write: m is a nil map here"
}

func fn2(xs []int) {
	var m map[int]int
	for _, x := range xs {
		m[x] = 1 // want "nil-map-write: m is a nil map here"
	}
}

// Neither tool flags these.
func fn3(m map[int]int) {
	m[1] = 1
}

func fn4() {
	m := map[int]int{}
	m[1] = 1
}

// A named result: both flag it.
func fn5() (m map[string]int) {
	m["a"] = 1 // want "nil-map-write: named result"
	return m
}

// staticcheck does not follow struct fields; gomaplint does.
type holder struct{ m map[string]int }

func fn6() {
	var h holder
	h.m["a"] = 1 // want "nil-map-write: h is built by a composite literal|nil-map-write: h.m is nil"
}

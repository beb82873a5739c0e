package compare

func guards(m map[string]int, k, j string) {
	// S1033 flags these two, and so does redundant-delete-guard.
	if _, ok := m["x"]; ok { // want "redundant-delete-guard: redundant"
		delete(m, "x")
	}
	if _, ok := m[k]; ok { // want "redundant-delete-guard: redundant"
		delete(m, k)
	}

	// Neither flags these.
	if _, ok := m[k]; !ok {
		delete(m, k)
	}
	if _, ok := m[k]; ok {
		delete(m, k)
		println(k)
	}
	if v, ok := m[k]; ok && v > 0 {
		delete(m, k)
	}
	if _, ok := m[k]; ok {
		delete(m, j)
	}
	if _, ok := m[k]; ok {
		delete(m, k)
	} else {
		println("missing")
	}
}

var counter int

func next() string {
	counter++
	return string(rune('a' + counter))
}

// S1033 flags this one too, and its fix changes how often next() runs; gomaplint does not.
func sideEffects(m map[string]int) {
	if _, ok := m[next()]; ok {
		delete(m, next())
	}
}

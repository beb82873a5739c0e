package rangeclear

type key struct {
	a int
	b string
}

type cache struct {
	entries map[string][]byte
}

func positives(m map[string]int, c *cache, byKey map[key]bool, f map[float64]int, anyKeys map[any]int) {
	for k := range m { // want `This loop deletes every key of m: use clear\(m\)`
		delete(m, k)
	}
	for k := range c.entries { // want "c.entries"
		delete(c.entries, k)
	}
	for k := range byKey { // want "use clear"
		delete(byKey, k)
	}
	// Keys whose == is not reflexive: the loop leaves NaN keys behind, clear does not.
	for k := range f { // want "also removes NaN keys.*float64"
		delete(f, k)
	}
	for k := range anyKeys { // want "NaN"
		delete(anyKeys, k)
	}
}

func negatives(m map[string]int, other map[string]int, keys []string) {
	// The loop does more than delete.
	n := 0
	for k := range m {
		delete(m, k)
		n++
	}
	// Deletes from another map.
	for k := range m {
		delete(other, k)
	}
	// Conditional delete.
	for k, v := range m {
		if v == 0 {
			delete(m, k)
		}
	}
	// The key variable outlives the loop (k declared outside).
	var k string
	for k = range m {
		delete(m, k)
	}
	_ = k
	// Ranging over a slice of keys.
	for _, k := range keys {
		delete(m, k)
	}
	// A value variable is declared.
	for k, v := range m {
		delete(m, k)
		_ = v
	}
}

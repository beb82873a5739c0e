package fix

type cache struct {
	entries map[string][]byte
}

func (c *cache) reset() {
	for k := range c.entries {
		delete(c.entries, k)
	}
}

func resetAll(m map[int]bool, n map[string]int) {
	for k := range m {
		delete(m, k)
	}
	if len(n) > 0 {
		for key := range n {
			delete(n, key)
		}
	}
}

package guard

type T struct{ m map[string]int }

func next() string        { return "" }
func get(t *T) map[string]int { return t.m }

const key = "k"

func positives(m map[string]int, k string, t *T) {
	if _, ok := m["x"]; ok { // want `The guard around delete\(m, "x"\) is redundant`
		delete(m, "x")
	}
	if _, ok := m[k]; ok { // want "redundant"
		delete(m, k)
	}
	if _, ok := t.m[key]; ok { // want `delete\(t.m, key\)`
		delete(t.m, key)
	}
}

func negatives(m map[string]int, n map[string]int, k, j string, t *T, ch chan string) {
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
		delete(n, k)
	}
	if _, ok := m[k]; ok {
		delete(m, k)
	} else {
		println("missing")
	}
	var ok bool
	if _, ok = m[k]; ok {
		delete(m, k)
	}
	_ = ok
	// Side effects: the guard evaluates them twice, removing it changes behaviour.
	if _, ok := m[next()]; ok {
		delete(m, next())
	}
	if _, ok := get(t)[k]; ok {
		delete(get(t), k)
	}
	if _, ok := m[<-ch]; ok {
		delete(m, <-ch)
	}
}

func shadowed(m map[string]int, k string) {
	delete := func(map[string]int, string) {}
	if _, ok := m[k]; ok {
		delete(m, k)
	}
}

package store

type entry struct{ v int }

// Drop is meant to forget keys; storing nil keeps them.
func Drop(m map[string]*entry, k string) {
	_ = "漢字😀"; m[k] = nil
	m["x"] = nil
}

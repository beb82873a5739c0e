package deleteinrange

import (
	"maps"
	"reflect"
	"strings"
)

type entry struct {
	name   string
	parent string
}

func (e *entry) Key() string { return e.name }

type server struct {
	conns map[string]*entry
}

func positives(m map[string]int, other string, s *server) {
	for k := range m {
		if strings.HasPrefix(k, "tmp") {
			delete(m, other) // want `delete\(m, other\) inside a range over m removes a key other than the current one`
		}
	}
	for k := range m {
		delete(m, k+".bak") // want "removes a key other than the current one"
	}
	for range m {
		delete(m, "sentinel") // want "delete"
	}
	for name, c := range s.conns {
		if c.parent != "" {
			delete(s.conns, c.parent) // want "s.conns"
		}
		_ = name
	}
	// A field read off the value that points at another entry.
	for _, c := range s.conns {
		delete(s.conns, c.parent) // want "s.conns"
	}

	for k := range maps.Keys(m) {
		delete(m, k+"x") // want "inside a range over m"
	}
	// A break inside a switch leaves the switch, not the loop.
	for k, v := range m {
		switch v {
		case 0:
			delete(m, k+"0") // want "removes a key other"
			break
		}
	}
}

func reflective(v reflect.Value, other reflect.Value) {
	it := v.MapRange()
	for it.Next() {
		v.SetMapIndex(other, reflect.Value{}) // want "SetMapIndex"
	}
}

func negatives(m map[string]int, n map[string]int, s *server) {
	// Deleting the current key is allowed by the spec, however conditional.
	for k, v := range m {
		if v > 10 {
			delete(m, k)
		}
	}
	// A different map.
	for k := range m {
		delete(n, k+"x")
	}
	// A shadowing variable of the same name.
	for k := range m {
		m := map[string]int{}
		delete(m, k+"x")
	}
	// Ranging over a slice of collected keys.
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	for _, k := range keys {
		delete(m, k+"x")
	}
	// The current entry reached through the loop value (no key variable of its own).
	for _, e := range s.conns {
		delete(s.conns, e.name)
	}
	for _, e := range s.conns {
		delete(s.conns, e.Key())
	}
	for id, e := range s.conns {
		if e.parent == "" {
			delete(s.conns, e.name)
		}
		_ = id
	}
	// A copy or conversion of the current key.
	for k := range m {
		key := k
		delete(m, key)
	}
	for k := range m {
		delete(m, string(k))
	}
	// The iteration ends right after the mutation.
	for k := range m {
		if k == "a" {
			delete(m, "b")
			break
		}
	}
	for k := range m {
		if k == "a" {
			delete(m, "b")
			return
		}
	}
	for k := range m {
		if k == "a" {
			delete(m, "b")
			panic("stop")
		}
	}
	// A closure runs later (or elsewhere), not as part of this iteration.
	for k := range m {
		defer func() { delete(m, k+"x") }()
	}
	// Current key via MapIter.Key().
	rv := reflect.ValueOf(m)
	it := rv.MapRange()
	for it.Next() {
		rv.SetMapIndex(it.Key(), reflect.Value{})
	}
}

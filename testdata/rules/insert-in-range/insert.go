package insertinrange

import (
	"reflect"
	"strings"
)

type item struct{ id string }

type index struct {
	byID map[string]*item
}

func positives(m map[string]int, counts map[string]int, ix *index) {
	for k, v := range m {
		m[k+"_copy"] = v // want `m\[k\+"_copy"\] = … inside a range over m may add a key during iteration`
	}
	for k := range m {
		m["total"] += 1 // want "may add a key"
		_ = k
	}
	for range counts {
		counts["seen"]++ // want `counts\["seen"\]\+\+ inside`
	}
	for id, it := range ix.byID {
		ix.byID[id+"/alias"] = it // want "ix.byID"
	}
}

func reflective(v reflect.Value, k reflect.Value, x reflect.Value) {
	it := v.MapRange()
	for it.Next() {
		v.SetMapIndex(k, x) // want "SetMapIndex"
	}
}

func negatives(m map[string]int, other map[string]int, ix *index) {
	// Overwriting the current key.
	for k, v := range m {
		m[k] = v + 1
	}
	for k := range m {
		m[k]++
	}
	for _, it := range ix.byID {
		ix.byID[it.id] = it
	}
	// Another map.
	for k, v := range m {
		other[k+"x"] = v
	}
	// The loop ends right after.
	for k := range m {
		if k == "" {
			m["empty"] = 1
			break
		}
	}
	// Writing through MapIter.Key().
	rv := reflect.ValueOf(m)
	it := rv.MapRange()
	for it.Next() {
		rv.SetMapIndex(it.Key(), reflect.ValueOf(2))
	}
}

// Re-keying with an idempotent normalisation: visiting the new key again changes nothing.
func lowerKeys(m map[string]any) {
	for key, val := range m {
		lower := strings.ToLower(key)
		if key != lower {
			delete(m, key)
		}
		m[lower] = val
	}
	for ref, hash := range m {
		if strings.HasSuffix(ref, "^{}") {
			m[strings.TrimSuffix(ref, "^{}")] = hash
			delete(m, ref)
		}
	}
}

// A non-idempotent re-keying is reported.
func suffixKeys(m map[string]any) {
	for key, val := range m {
		m[key+"!"] = val // want "may add a key"
	}
}

// A traversal helper deletes keys and the loop puts one back.
func roots(graph map[int][]int) map[int]struct{} {
	nodes := map[int]struct{}{}
	for k := range graph {
		nodes[k] = struct{}{}
	}
	var walk func(origin, n int) (bool, int)
	walk = func(origin, n int) (bool, int) {
		if _, ok := nodes[n]; !ok {
			return false, 0
		}
		delete(nodes, n)
		return origin == n, n
	}
	for k := range nodes {
		for _, c := range graph[k] {
			if cycle, lowest := walk(k, c); cycle {
				nodes[lowest] = struct{}{}
			}
		}
	}
	return nodes
}

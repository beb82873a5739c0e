package semantics

import "testing"

// A test about iteration itself mutates the map on purpose.
func TestIterGrowDuringRange(t *testing.T) {
	m := map[int]int{1: 1}
	grow := true
	for range m {
		if grow {
			for i := 0; i < 100; i++ {
				m[i+10] = i
			}
			grow = false
		}
	}
}

// Other tests are checked like any code.
func TestSomethingElse(t *testing.T) {
	m := map[string]int{"a": 1}
	for k := range m {
		m[k+"x"] = 1 // want "may add a key"
	}
}

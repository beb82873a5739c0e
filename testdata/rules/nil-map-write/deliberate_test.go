package nilmapwrite

import "testing"

// Tests that provoke the panic on purpose are not reported.
func TestNilMapPanics(t *testing.T) {
	var m map[string]int
	m["boom"] = 1
}

func TestRecovers(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	var m map[string]int
	m["boom"] = 1
}

func TestStillChecked(t *testing.T) {
	var m map[string]int
	m["oops"] = 1 // want "nil map here"
}

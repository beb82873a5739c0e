package nilmapwrite

import "testing"

// Tests that provoke the panic on purpose get a note asking to mark the intent.
func TestNilMapPanics(t *testing.T) {
	var m map[string]int
	m["boom"] = 1 // want "seems to provoke the panic on purpose"
}

func TestRecovers(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	var m map[string]int
	m["boom"] = 1 // want "provoke the panic on purpose"
}

// Marked: silent.
func TestMarked(t *testing.T) {
	defer func() { _ = recover() }()
	var m map[string]int
	m["boom"] = 1 //gomaplint:ignore nil-map-write -- provokes the panic
}

func TestStillChecked(t *testing.T) {
	var m map[string]int
	m["oops"] = 1 // want "nil map here"
}

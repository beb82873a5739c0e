package nilmapwrite

import "os"

func local() {
	var m map[string]int
	m["a"] = 1 // want `m is a nil map here \(m is declared without a map at line 6\).*make\(map\[string\]int\)`
}

func nilLiteral() {
	var m map[string]int = nil
	m["a"]++ // want "nil map here"
	c := map[string]int(nil)
	c["y"] = 2 // want "c is a nil map"
}

func inLoop(keys []string) {
	var seen map[string]bool
	for _, k := range keys {
		seen[k] = true // want "seen is a nil map"
	}
}

func namedResult(keys []string) (counts map[string]int) {
	for _, k := range keys {
		counts[k] += 1 // want "named result"
	}
	return
}

func someBranches(enabled bool) {
	var m map[string]int
	if enabled {
		m = make(map[string]int)
	}
	m["x"] = 1 // want "nil on a path that reaches this write"
}

func firstIteration(items []string) {
	var m map[string]int
	for _, it := range items {
		m[it] = 1 // want "m is a nil map here"
		m = map[string]int{}
	}
}

func secondWriteNotReported() {
	var m map[string]int
	m["a"] = 1 // want "nil map here"
	m["b"] = 2
}

func earlyReturn(ok bool) {
	var m map[string]int
	if !ok {
		return
	}
	m["a"] = 1 // want "nil map here"
}

// --- not flagged -------------------------------------------------------------------------------

func made() {
	m := make(map[string]int)
	m["a"] = 1
	var n map[string]int
	n = map[string]int{}
	n["b"] = 2
}

func lazy(keys []string) {
	var m map[string]int
	for _, k := range keys {
		if m == nil {
			m = make(map[string]int)
		}
		m[k]++
	}
}

func nilCheckReturns(m map[string]int) {
	if m == nil {
		return
	}
	m["a"] = 1
}

func deleteAndReadAreFine() int {
	var m map[string]int
	delete(m, "a")
	return m["b"] + len(m)
}

func escapes() {
	var m map[string]int
	fill(&m)
	m["a"] = 1
}

func fill(p *map[string]int) { *p = map[string]int{} }

func reassignedInBothBranches(x bool) {
	var m map[string]int
	if x {
		m = map[string]int{}
	} else {
		m = make(map[string]int, 4)
	}
	m["a"] = 1
}

func correlated(items []string) {
	var m map[string]int
	if len(items) > 0 {
		m = make(map[string]int)
	}
	for _, it := range items {
		m[it]++
	}
}

func fatalBranch(x bool) {
	var m map[string]int
	if x {
		m = map[string]int{}
	} else {
		os.Exit(1)
	}
	m["a"] = 1
}

func assignedInClosure() {
	var m map[string]int
	init := func() { m = map[string]int{} }
	init()
	m["a"] = 1
}

// The first iteration takes the branch that makes the map: correlated, not reported.
func firstPassInitialises(items []string) {
	var m map[string]int
	for i, it := range items {
		if i == 0 {
			m = map[string]int{}
			continue
		}
		m[it] = 1
	}
}

func parameter(m map[string]int) {
	m["a"] = 1
}

func unknownSource() {
	m := lookup()
	m["a"] = 1
}

func lookup() map[string]int { return map[string]int{} }

package nilmapwrite

type tracker struct {
	seen    map[string]bool
	counts  map[string]int
	lazy    map[string]int
	byPos   map[int]int
	inBuild map[string]int
	Public  map[string]int
}

func newTracker() *tracker {
	return &tracker{counts: map[string]int{}}
}

func (t *tracker) markSeen(k string) {
	t.seen[k] = true // want `t.seen is nil: no code in package nilmapwrite ever assigns field seen of tracker`
}

func (t *tracker) count(k string) {
	t.counts[k]++
}

func (t *tracker) lazyAdd(k string) {
	if t.lazy == nil {
		t.lazy = make(map[string]int)
	}
	t.lazy[k]++
}

func (t *tracker) public(k string) {
	// Exported: another package may initialise it.
	t.Public[k] = 1
}

func literalOmitsField() {
	s := tracker{counts: map[string]int{}}
	s.counts["a"] = 1
	s.inBuild["a"] = 1 // want "s is built by a composite literal that leaves inBuild out"
	p := &tracker{}
	p.Public["x"] = 1 // want "leaves Public out"
}

func literalThenMethod() {
	s := &tracker{}
	s.init()
	s.inBuild["a"] = 1
}

func (t *tracker) init() { t.inBuild = map[string]int{} }

type positional struct {
	m map[string]int
}

var all = []positional{{map[string]int{}}}

func (p *positional) add(k string) {
	p.m[k] = 1
}

package nilmapwrite

// --- a nil map passed to a function that writes it ---------------------------------------------

func fill(m map[string]int) {
	m["a"] = 1 // want `m is nil when fill is called at line 18 of interproc.go with counts, a nil map`
}

func fillGuarded(m map[string]int) {
	if m == nil {
		return
	}
	m["c"] = 3
}

func callsFill() {
	var counts map[string]int
	fill(counts)
	fillGuarded(nil)
	fillGuarded(counts)
}

func fillOK(m map[string]int) {
	m["b"] = 2
}

func callsFillOK() {
	fillOK(map[string]int{})
	made := make(map[string]int)
	fillOK(made)
}

// --- a nil map returned by a function of the package -------------------------------------------

func makeNil() map[string]int { return nil }

func makeNamed() (m map[string]int) { return }

func makeErr() (map[string]int, error) { return nil, nil }

func makeSometimes(b bool) map[string]int {
	if b {
		return map[string]int{}
	}
	return nil
}

func usesReturned() {
	a := makeNil()
	a["x"] = 1 // want "a is a nil map here"
	b := makeNamed()
	b["y"] = 1 // want "b is a nil map here"
	c, _ := makeErr()
	c["z"] = 1 // want "c is a nil map here"
	d := makeSometimes(true)
	d["w"] = 1
}

// --- a zero struct whose field a method writes --------------------------------------------------

type bag struct{ items map[string]int }

func (b *bag) add(k string) {
	b.items[k]++ // want `b.items is nil when add is called at line 71 of interproc.go on z, whose items was never set`
}

func (b *bag) init() { b.items = map[string]int{} }

func zeroBag() {
	var z bag
	z.add("a")
}

func madeBag() {
	y := bag{items: map[string]int{}}
	y.add("b")
	var w bag
	w.init()
	w.add("c")
}

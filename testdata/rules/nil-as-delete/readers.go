package nilasdelete

type node struct{ deps []string }

// --- deliberate nil states: not flagged ------------------------------------------------------

// A "seen" set whose nil entries are markers: presence is all that is read.
func dedupe(keys []string) []string {
	seen := map[string]*node{}
	var out []string
	for _, k := range keys {
		if _, dup := seen[k]; dup {
			continue
		}
		seen[k] = nil
		out = append(out, k)
	}
	return out
}

// A cycle guard: a nil entry means "in progress", told apart from absent via comma-ok.
type resolver struct {
	state map[string]*node
}

func (r *resolver) resolve(name string) *node {
	if n, ok := r.state[name]; ok {
		if n == nil {
			panic("cycle through " + name)
		}
		return n
	}
	r.state[name] = nil // in progress
	n := &node{}
	r.state[name] = n
	return n
}

// --- readers that treat a nil entry as missing or live: flagged -------------------------------

type cache struct {
	entries map[string]*node
	byID    map[int]*node
	all     map[string]*node
	count   map[string][]int
}

func (c *cache) get(k string) *node {
	if n := c.entries[k]; n != nil {
		return n
	}
	return nil
}

func (c *cache) evict(k string) {
	c.entries[k] = nil // want `the nil check at line 49 treats a nil entry as missing`
}

func (c *cache) lookup(id int) (*node, bool) {
	n, ok := c.byID[id]
	return n, ok
}

func (c *cache) drop(id int) {
	c.byID[id] = nil // want "comma-ok lookup at line 60 reports the stale key as found"
}

func (c *cache) deps() []string {
	var out []string
	for _, n := range c.all {
		out = append(out, n.deps...)
	}
	return out
}

func (c *cache) forget(k string) {
	c.all[k] = nil // want "range over c.all at line 70 still visits the key"
}

func (c *cache) size() int { return len(c.count) }

func (c *cache) reset(k string) {
	c.count[k] = nil // want `len\(c.count\) at line 80 still counts the key`
}

// --- building a new map with placeholder values: not a delete ---------------------------------

func collect(items [][]uint64) map[uint64]*node {
	pcs := make(map[uint64]*node)
	for _, it := range items {
		for _, pc := range it {
			pcs[pc] = nil
		}
	}
	for pc := range pcs {
		pcs[pc] = &node{}
	}
	return pcs
}

// The same local map, once in use, is flagged.
func inUse(keys []string) int {
	m := map[string]*node{"a": {}}
	n := len(m)
	m["a"] = nil // want "keeps the key in map m"
	return n
}

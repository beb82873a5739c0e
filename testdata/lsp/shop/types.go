package shop

type conn struct{ id int }

// registry's map values are pointers: storing nil keeps the key.
type registry struct {
	conns map[string]*conn
}

func newRegistry() *registry { return &registry{conns: map[string]*conn{}} }

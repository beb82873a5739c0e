package fix

type conn struct{}

type registry struct {
	conns map[string]*conn
}

func (r *registry) lookup(id string) (*conn, bool) {
	c, ok := r.conns[id]
	return c, ok
}

func (r *registry) unregister(id string) {
	r.conns[id] = nil
}

func (r *registry) unregisterAll(ids []string) {
	for _, id := range ids {
		if id != "" {
			r.conns[id] = nil // stale entries stay
		}
	}
}

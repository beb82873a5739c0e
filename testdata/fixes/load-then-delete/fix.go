package fix

import "sync"

type request struct{ done chan int }

type client struct {
	pending sync.Map
}

func (c *client) deliver(id uint64, resp int) {
	if v, ok := c.pending.Load(id); ok {
		c.pending.Delete(id)
		v.(*request).done <- resp
	}
}

func take(m *sync.Map, k string) any {
	v, ok := m.Load(k)
	if ok {
		m.Delete(k)
		return v
	}
	return nil
}

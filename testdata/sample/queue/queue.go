// Package queue matches responses to pending requests.
package queue

import "sync"

type request struct{ done chan []byte }

type Client struct {
	pending sync.Map
	seen    map[uint64]bool
}

// Deliver takes the pending request: Load then Delete races with a concurrent Store.
func (c *Client) Deliver(id uint64, resp []byte) {
	if v, ok := c.pending.Load(id); ok {
		c.pending.Delete(id)
		v.(*request).done <- resp
	}
}

// Forget guards a delete that needs no guard.
func (c *Client) Forget(id uint64) {
	if _, ok := c.seen[id]; ok {
		delete(c.seen, id)
	}
}

// Package cache is a small in-memory cache with a few classic map mistakes.
package cache

import (
	"sync"
	"time"
)

type entry struct {
	value   []byte
	expires time.Time
}

type Cache struct {
	mu    sync.RWMutex
	items map[string]*entry
}

func New() *Cache {
	return &Cache{items: make(map[string]*entry)}
}

func (c *Cache) Get(key string) ([]byte, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	e, ok := c.items[key]
	if !ok || time.Now().After(e.expires) {
		return nil, false
	}
	return e.value, true
}

func (c *Cache) Set(key string, value []byte, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = &entry{value: value, expires: time.Now().Add(ttl)}
}

// Invalidate "removes" a key, but the key stays in the map.
func (c *Cache) Invalidate(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.items[key] = nil
}

// Expire deletes under the read lock.
func (c *Cache) Expire(key string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	delete(c.items, key)
}

// Purge forgets the lock the other methods hold.
func (c *Cache) Purge(keys []string) {
	for _, k := range keys {
		delete(c.items, k)
	}
}

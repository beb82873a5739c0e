package concurrent

import "sync"

type registry struct {
	mu    sync.RWMutex
	items map[string]int
}

func (r *registry) Get(k string) (int, bool) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	v, ok := r.items[k]
	return v, ok
}

func (r *registry) Put(k string, v int) {
	r.mu.Lock()
	r.items[k] = v
	r.mu.Unlock()
}

// Remove forgets the lock the other methods hold.
func (r *registry) Remove(k string) {
	delete(r.items, k) // want `delete\(r.items, k\) deletes from map r.items without holding a lock, but Get accesses it while holding r.mu`
}

// Expire writes under the read lock.
func (r *registry) Expire(k string) {
	r.mu.RLock()
	defer r.mu.RUnlock()
	delete(r.items, k) // want `while holding only the read lock r.mu.RLock\(\)`
}

func (r *registry) Reset(k string) {
	r.mu.RLock()
	r.items[k] = 0 // want "read lock"
	r.mu.RUnlock()
}

// removeLocked is called with r.mu held.
func (r *registry) removeLocked(k string) {
	delete(r.items, k)
}

// prune deletes expired entries. The caller must hold r.mu.
func (r *registry) prune(k string) {
	delete(r.items, k)
}

func (r *registry) evict(k string) {
	delete(r.items, k)
}

// Evict calls evict with the lock held; evict has no other callers.
func (r *registry) Evict(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.evict(k)
	r.removeLocked(k)
	r.prune(k)
}

func (r *registry) init() {
	delete(r.items, "")
}

func newRegistry() *registry {
	r := &registry{items: map[string]int{}}
	r.init()
	return r
}

// A type whose other methods do not lock either: no discipline to be inconsistent with.
type plain struct {
	mu sync.Mutex
	m  map[string]int
}

func (p *plain) Get(k string) int { return p.m[k] }

func (p *plain) Remove(k string) { delete(p.m, k) }

// A delete under Lock of any mutex is not reported.
func (r *registry) RemoveUnderLock(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.items, k)
}

// Building a fresh copy while holding another object's read lock: the copy is not shared.
func (r *registry) Snapshot() map[string]int {
	r.mu.RLock()
	defer r.mu.RUnlock()
	out := make(map[string]int, len(r.items))
	for k, v := range r.items {
		out[k] = v
	}
	return out
}

// config's table is read without the lock in lookup and written without it in Build: the lock
// held by Clone (around everything) is no discipline for this field.
type config struct {
	mu    sync.RWMutex
	table map[string]int
	other int
}

func (c *config) Clone() *config {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return &config{table: c.table, other: c.other}
}

func (c *config) lookup(k string) int { return c.table[k] }

func (c *config) Build(keys []string) {
	for _, k := range keys {
		c.table[k] = len(k)
	}
}

// A value built by a constructor and not yet shared: its setup calls need no lock.
type leases struct {
	mu      sync.Mutex
	byLease map[string]int
}

func newLeases() *leases { return &leases{byLease: map[string]int{}} }

func (l *leases) Count(id string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.byLease[id]
}

func (l *leases) Add(id string) {
	l.mu.Lock()
	l.addRef(id)
	l.mu.Unlock()
}

func (l *leases) addRef(id string) {
	l.byLease[id]++
}

func loadLeases(ids []string) *leases {
	lm := newLeases()
	for _, id := range ids {
		lm.addRef(id)
	}
	return lm
}

func newLeasesFrom(ids []string) (l *leases) {
	l = &leases{byLease: map[string]int{}}
	for _, id := range ids {
		l.addRef(id)
	}
	return
}

// A read lock of one value does not guard a map owned by another.
type store struct {
	l  sync.RWMutex
	db *database
}

type database struct {
	dirty map[string]struct{}
}

func (s *store) Remove(name string) {
	s.l.RLock()
	defer s.l.RUnlock()
	s.db.dirty[name] = struct{}{}
}

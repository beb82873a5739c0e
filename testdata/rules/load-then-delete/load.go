package loadthendelete

import "sync"

type job struct{ id string }

type queue struct {
	mu      sync.Mutex
	pending sync.Map
	guarded sync.Map
}

func take(m *sync.Map, k string) *job {
	v, ok := m.Load(k)
	if ok {
		m.Delete(k) // want `m.Load\(k\) followed by m.Delete\(k\) is a check-then-act race.*LoadAndDelete`
		return v.(*job)
	}
	return nil
}

func takeInit(m *sync.Map, k string) *job {
	if v, ok := m.Load(k); ok {
		m.Delete(k) // want "check-then-act"
		return v.(*job)
	}
	return nil
}

func (q *queue) finish(id string) {
	if j, ok := q.pending.Load(id); ok {
		log(j)
		q.pending.Delete(id) // want `q.pending.Load\(id\) followed by q.pending.Delete\(id\)`
	}
}

func (q *queue) notFirst(id string) {
	v, _ := q.pending.Load(id)
	log(v)
	q.pending.Delete(id) // want "LoadAndDelete"
}

func log(v any) {}

// --- not flagged -------------------------------------------------------------------------------

func differentKeys(m *sync.Map, a, b string) {
	if _, ok := m.Load(a); ok {
		m.Delete(b)
	}
}

func differentMaps(m, n *sync.Map, k string) {
	if _, ok := m.Load(k); ok {
		n.Delete(k)
	}
}

func atomic(m *sync.Map, k string) {
	if v, ok := m.LoadAndDelete(k); ok {
		log(v)
	}
}

// Load, Delete and every Store hold q.mu: no other goroutine can get in between.
func (q *queue) lockedTake(id string) any {
	q.mu.Lock()
	defer q.mu.Unlock()
	v, ok := q.guarded.Load(id)
	if ok {
		q.guarded.Delete(id)
	}
	return v
}

func (q *queue) lockedPut(id string, v any) {
	q.mu.Lock()
	q.guarded.Store(id, v)
	q.mu.Unlock()
}

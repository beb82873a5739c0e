package rangeclear

import "sync"

type registry struct {
	byName sync.Map
	byAny  sync.Map
}

func (r *registry) add(name string, v int) {
	r.byName.Store(name, v)
}

func (r *registry) addAny(k any, v int) {
	r.byAny.Store(k, v)
}

func (r *registry) reset() {
	r.byName.Range(func(k, _ any) bool { // want `This Range deletes every key of r.byName: use r.byName.Clear\(\)`
		r.byName.Delete(k)
		return true
	})
	r.byAny.Range(func(k, v any) bool { // want "also removes NaN keys"
		r.byAny.Delete(k)
		return true
	})
}

func (r *registry) negatives(m map[int]int) {
	// Conditional deletes inside Range are not a clear.
	r.byName.Range(func(k, v any) bool {
		if v.(int) < 0 {
			r.byName.Delete(k)
		}
		return true
	})
	// Stops after the first key.
	r.byName.Range(func(k, _ any) bool {
		r.byName.Delete(k)
		return false
	})
	// Go 1.21+ maps still get clear(m).
	for k := range m { // want "use clear"
		delete(m, k)
	}
}

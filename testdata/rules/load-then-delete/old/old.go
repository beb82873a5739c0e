package old

import "sync"

// Go 1.14: LoadAndDelete does not exist yet.
func take(m *sync.Map, k string) interface{} {
	v, ok := m.Load(k)
	if ok {
		m.Delete(k)
	}
	return v
}

package concurrent

import (
	"net/http"
	"sync"

	"golang.org/x/sync/errgroup"
)

var sessions = map[string]int{}

type hub struct {
	clients map[string]chan string
}

func goroutineOnPackageMap(id string) {
	go func() {
		delete(sessions, id) // want `delete\(sessions, id\) deletes from map sessions without holding a mutex, but sessions is a package-level variable`
	}()
}

func goroutinesInLoop(ids []string) {
	seen := map[string]bool{}
	for _, id := range ids {
		go func(id string) {
			delete(seen, id) // want "captured by a goroutine, started in a loop"
		}(id)
	}
}

func capturedAndUsedAfter(m map[string]int) int {
	go func() {
		delete(m, "x") // want "also used by the code that started it"
	}()
	return m["y"]
}

func throughCapturedStruct(h *hub, id string) {
	go func() {
		delete(h.clients, id) // want "reached through h"
	}()
}

func withErrgroup(m map[string]int, keys []string) error {
	var g errgroup.Group
	for _, k := range keys {
		g.Go(func() error {
			delete(m, k) // want "errgroup.Go"
			return nil
		})
	}
	return g.Wait()
}

func writesToo(ids []string) {
	counts := map[string]int{}
	for _, id := range ids {
		go func(id string) {
			counts[id]++ // want `counts\[id\]\+\+ writes to map counts`
		}(id)
	}
}

func handlers(cache map[string][]byte) {
	http.HandleFunc("/evict", func(w http.ResponseWriter, r *http.Request) {
		delete(cache, r.URL.Path) // want "HTTP handler"
	})
}

type server struct {
	mu    sync.Mutex
	conns map[string]int
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	delete(s.conns, r.RemoteAddr) // want "field of the handler's receiver"
}

func parentRacesGoroutine(m map[string]int) {
	go func() {
		m["a"] = 1 // want "also used by the code that started it"
	}()
	delete(m, "b") // want "while a goroutine started earlier uses m"
}

// --- not flagged -------------------------------------------------------------------------------

func localToGoroutine() {
	go func() {
		m := map[string]int{"a": 1}
		delete(m, "a")
	}()
}

func underLock(mu *sync.Mutex, m map[string]int, ids []string) {
	for _, id := range ids {
		go func(id string) {
			mu.Lock()
			defer mu.Unlock()
			delete(m, id)
		}(id)
	}
}

type guarded struct {
	sync.Mutex
	m map[string]int
}

func (g *guarded) removeAll(ids []string) {
	for _, id := range ids {
		go func(id string) {
			g.Lock()
			delete(g.m, id)
			g.Unlock()
		}(id)
	}
}

func afterWait(ids []string) map[string]int {
	m := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func(id string) {
			defer wg.Done()
			mu.Lock()
			m[id] = len(id)
			mu.Unlock()
		}(id)
	}
	wg.Wait()
	delete(m, "")
	return m
}

func syncMap(m *sync.Map, ids []string) {
	for _, id := range ids {
		go func(id string) { m.Delete(id) }(id)
	}
}

func singleGoroutineOwnsIt() {
	m := map[string]int{"a": 1}
	go func() {
		delete(m, "a")
	}()
}

func tryLock(mu *sync.Mutex, m map[string]int) {
	go func() {
		if mu.TryLock() {
			delete(m, "a")
			mu.Unlock()
		}
	}()
	mu.Lock()
	m["b"] = 2
	mu.Unlock()
}

// A method started as a goroutine, while another method uses the same map, with no lock at all.
type janitor struct {
	expired map[string]int
}

func (j *janitor) Start() {
	go j.sweep()
}

func (j *janitor) sweep() {
	for k := range j.expired {
		delete(j.expired, k) // want `this method runs as a goroutine \(started at line .*\) while Track also uses the map`
	}
}

func (j *janitor) Track(k string) {
	j.expired[k] = 1
}

// No goroutine in sight and no lock anywhere: nothing to be inconsistent with.
type quiet struct {
	m map[string]int
}

func (q *quiet) drop(k string) { delete(q.m, k) }

func (q *quiet) add(k string) { q.m[k] = 1 }

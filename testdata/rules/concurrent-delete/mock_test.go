package concurrent

import (
	"net/http"
	"testing"
)

var fixtures = map[string]string{}

// A test's own mock server serves the requests the test makes, one at a time.
func TestMockServer(t *testing.T) {
	http.HandleFunc("/put", func(w http.ResponseWriter, r *http.Request) {
		fixtures[r.URL.Path] = "x"
	})
}

// Tests call helpers directly: that does not make the helper unguarded in production.
func TestEvictDirectly(t *testing.T) {
	r := &registry{items: map[string]int{}}
	r.evict("a")
}

package nilasdelete

import (
	"net/http"
	"net/textproto"
	"net/url"
	"other/lib"
)

type conn struct{ id int }

type registry struct {
	conns map[string]*conn
}

type Set map[string][]int

type handlerFunc func()

type handlers map[string]handlerFunc

var global = map[int]*conn{}

func positives(r *registry, key string, m map[string]*conn, s Set, hs handlers, chans map[int]chan int, funcs map[string]func(), maps map[string]map[string]int) {
	m[key] = nil // want `m\[key\] = nil keeps the key in map m.*delete\(m, key\)`

	r.conns[key] = nil // want "r.conns"

	global[1] = nil // want "global"

	s["a"] = nil // want "map s"

	hs["x"] = (nil) // want "map hs"

	chans[0] = nil // want "chans"

	funcs["f"] = nil // want "funcs"

	maps["inner"] = nil // want "maps"
}

func negatives(key string) {
	// Slices and arrays: nil there is just a value.
	xs := []*conn{nil}
	xs[0] = nil
	var arr [3]*conn
	arr[1] = nil

	// nil in an interface-valued map is a value (JSON null).
	doc := map[string]any{}
	doc["field"] = nil
	legacy := map[string]interface{}{}
	legacy["field"] = nil

	// A nil header value deliberately suppresses a header.
	h := http.Header{}
	h["X-Powered-By"] = nil
	v := url.Values{}
	v["q"] = nil
	mh := textproto.MIMEHeader{}
	mh["X"] = nil

	// Unknown types: stay silent.
	unknown := lib.Make()
	unknown[key] = nil

	// Non-nilable values are not assigned nil (and the map is not written with nil).
	counts := map[string]int{}
	counts[key] = 0

	// A shadowing local that is not a map.
	m := map[string]*conn{}
	{
		m := make([]*conn, 3)
		m[0] = nil
	}
	_ = m
}

package http

// Inside net/http itself, Header is a local type: still the header map where nil means
// "suppress this header".
type Header map[string][]string

func (h Header) clone() Header {
	h2 := make(Header, len(h))
	for k := range h {
		h2[k] = nil
	}
	return h2
}

type other map[string][]string

func drop(o other) {
	o["x"] = nil // want "map o"
}

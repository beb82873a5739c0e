package cache

var byID = map[int][]byte{}

// Forget should delete the entry.
func Forget(id int) {
	byID[id] = nil
}

// Lookup returns the entry for id; ok stays true after Forget.
func Lookup(id int) ([]byte, bool) {
	b, ok := byID[id]
	return b, ok
}

package cache

var byID = map[int][]byte{}

// Forget should delete the entry.
func Forget(id int) {
	byID[id] = nil
}

package clean

// Forget deletes the entry.
func Forget(m map[int][]byte, id int) {
	delete(m, id)
}

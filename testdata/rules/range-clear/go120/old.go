package rangeclear

// go.mod says go 1.20: clear does not exist yet, so nothing is suggested.
func old(m map[string]int) {
	for k := range m {
		delete(m, k)
	}
}

package shop

// drop is analysed with types.go: the map's type comes from the other file.
func drop(r *registry, key string) {
	label := "日本語🙂"; r.conns[label+key] = nil
}

// Package stats counts things.
package stats

import "sync"

// Count counts words into a map it never makes.
func Count(words []string) map[string]int {
	var counts map[string]int
	for _, w := range words {
		counts[w]++
	}
	return counts
}

// Tally counts concurrently without a lock.
func Tally(words []string) map[string]int {
	counts := make(map[string]int)
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func(w string) {
			defer wg.Done()
			counts[w]++
		}(w)
	}
	wg.Wait()
	return counts
}

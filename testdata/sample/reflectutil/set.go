// Package reflectutil sets map entries through reflection.
package reflectutil

import "reflect"

// Set stores value under key; a nil interface value silently deletes the key instead.
func Set(m reflect.Value, key string, value interface{}) {
	m.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(value))
}

// Remove deletes from a map whose type is known through reflection.
func Remove(counts map[string]int, key string) {
	reflect.ValueOf(counts).SetMapIndex(reflect.ValueOf(key), reflect.Value{})
}

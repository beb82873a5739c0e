package reflectdelete

import (
	"errors"
	"reflect"
)

type Config struct{ Name string }

func positives(v reflect.Value, key reflect.Value, x interface{}, err error, counts map[string]int) {
	// x may be a nil interface: ValueOf(nil) is the zero Value, so this deletes.
	v.SetMapIndex(key, reflect.ValueOf(x)) // want `deletes the key when x is a nil interface.*reflect.Zero`
	v.SetMapIndex(key, reflect.ValueOf(err)) // want "nil interface"
	v.SetMapIndex(key, reflect.ValueOf(nil)) // want "nil interface"

	// The map's type is known: delete is type-checked and faster.
	reflect.ValueOf(counts).SetMapIndex(reflect.ValueOf("a"), reflect.Value{}) // want `use delete\(counts, "a"\)`
	rv := reflect.ValueOf(counts)
	rv.SetMapIndex(key, reflect.Value{}) // want `deletes from counts.*use delete\(counts, …\)`
}

func negatives(v reflect.Value, key reflect.Value, cfg *Config, n int, it *reflect.MapIter) {
	// Generic reflection: the zero Value is the only way to delete.
	v.SetMapIndex(key, reflect.Value{})
	f := v.Field(0)
	f.SetMapIndex(key, reflect.Value{})
	// ValueOf of a non-interface is never the zero Value.
	v.SetMapIndex(key, reflect.ValueOf(cfg))
	v.SetMapIndex(key, reflect.ValueOf(n))
	v.SetMapIndex(key, reflect.ValueOf(errors.New("x").Error()))
	// Values from the iterator.
	v.SetMapIndex(it.Key(), it.Value())
	// A safe nil element.
	v.SetMapIndex(key, reflect.Zero(v.Type().Elem()))
}

type notReflect struct{}

func (notReflect) SetMapIndex(a, b any) {}

func other(x interface{}) {
	var n notReflect
	n.SetMapIndex(1, reflect.ValueOf(x))
}

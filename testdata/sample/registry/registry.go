// Package registry tracks services and their replacements.
package registry

type Service struct {
	Name       string
	ReplacedBy string
}

type Registry struct {
	services map[string]*Service
	aliases  map[string]string
}

func New() *Registry {
	return &Registry{services: map[string]*Service{}, aliases: map[string]string{}}
}

// Compact drops services that were replaced, while ranging over the same map.
func (r *Registry) Compact() {
	for name, svc := range r.services {
		if svc.ReplacedBy != "" {
			delete(r.services, svc.ReplacedBy)
		}
		_ = name
	}
}

// AddAliases adds keys to the map it ranges over.
func (r *Registry) AddAliases() {
	for alias, target := range r.aliases {
		r.aliases[target+"/"+alias] = target
	}
}

// Reset empties the registry one key at a time.
func (r *Registry) Reset() {
	for name := range r.services {
		delete(r.services, name)
	}
}

// Drop deletes the current key: that is fine.
func (r *Registry) Drop(prefix string) {
	for name := range r.services {
		if len(name) > len(prefix) && name[:len(prefix)] == prefix {
			delete(r.services, name)
		}
	}
}

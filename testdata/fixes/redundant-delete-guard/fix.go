package fix

type server struct {
	sessions map[string]int
}

func (s *server) logout(id string) {
	if _, ok := s.sessions[id]; ok {
		delete(s.sessions, id)
	}
}

func drop(m map[int]string) {
	for i := 0; i < 3; i++ {
		if _, ok := m[i]; ok {
			delete(m, i)
		}
	}
}

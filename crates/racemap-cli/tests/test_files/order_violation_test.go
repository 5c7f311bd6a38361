package service

import "testing"

// Start launches the loop before it sets the handler the loop uses: the loop can read the
// field before (or while) Start writes it, a use-before-init order violation.
type Service struct {
	handler func(int) int
	out     chan int
}

func (s *Service) loop() {
	s.out <- s.handler(1)
}

func (s *Service) Start() {
	s.out = make(chan int, 1)
	go s.loop()
	s.handler = func(x int) int { return x * 2 }
}

func TestStart(t *testing.T) {
	s := &Service{}
	s.Start()
	if v := <-s.out; v != 2 {
		t.Errorf("v = %d", v)
	}
}

func (s *Service) StartFixed() {
	s.out = make(chan int, 1)
	s.handler = func(x int) int { return x * 2 }
	go s.loop()
}

func TestStartFixed(t *testing.T) {
	s := &Service{}
	s.StartFixed()
	if v := <-s.out; v != 2 {
		t.Errorf("v = %d", v)
	}
}

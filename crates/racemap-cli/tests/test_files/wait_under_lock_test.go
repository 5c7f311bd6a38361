package server

import (
	"sync"
	"testing"
)

// Shutdown holds the server's lock while it waits for the handlers, and a handler needs that
// lock to finish: the handler waits for Shutdown, Shutdown waits for the handler.
type Server struct {
	mu       sync.Mutex
	wg       sync.WaitGroup
	requests int
}

func (s *Server) handle() {
	defer s.wg.Done()
	s.mu.Lock()
	s.requests++
	s.mu.Unlock()
}

func (s *Server) Shutdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.wg.Wait()
}

func TestShutdown(t *testing.T) {
	s := &Server{}
	s.wg.Add(1)
	go s.handle()
	s.Shutdown()
}

func (s *Server) ShutdownFixed() {
	s.wg.Wait()
	s.mu.Lock()
	defer s.mu.Unlock()
}

func TestShutdownFixed(t *testing.T) {
	s := &Server{}
	s.wg.Add(1)
	go s.handle()
	s.ShutdownFixed()
}

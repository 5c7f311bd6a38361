package main

import "fmt"

type Server struct {
	quit chan struct{}
}

func (s *Server) Stop() {
	close(s.quit)
}

func main() {
	s := &Server{}
	fmt.Println("stopping")
	s.Stop()
}

package main

import "fmt"

type Msg struct {
	ID   int
	Body string
}

func main() {
	ch := make(chan *Msg, 1)
	done := make(chan struct{})
	go func() {
		m := <-ch
		fmt.Println(m.ID)
		close(done)
	}()
	m := &Msg{ID: 1, Body: "hello"}
	ch <- m
	m.ID = 2
	<-done
}

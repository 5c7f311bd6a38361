package main

import "fmt"

type op int

const (
	opGet op = iota
	opSet
	opStop
)

type request struct {
	kind  op
	key   string
	value int
	reply chan<- int
}

func owner(requests <-chan request, done chan struct{}) {
	data := map[string]int{}
	for req := range requests {
		switch req.kind {
		case opGet:
			req.reply <- data[req.key]
		case opSet:
			data[req.key] = req.value
			req.reply <- 0
		case opStop:
			close(done)
			return
		}
	}
}

func main() {
	requests := make(chan request)
	done := make(chan struct{})
	go owner(requests, done)
	reply := make(chan int, 1)
	requests <- request{kind: opSet, key: "a", value: 7, reply: reply}
	<-reply
	requests <- request{opGet, "a", 0, reply}
	fmt.Println(<-reply)
	requests <- request{kind: opStop}
	<-done
}

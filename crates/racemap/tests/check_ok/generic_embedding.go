package main

import (
	"fmt"
	"sync"
)

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(x T) { s.items = append(s.items, x) }

type Locked[T any] struct {
	sync.Mutex
	Stack[T]
}

type History struct {
	*Stack[string]
	n int
}

func main() {
	var l Locked[int]
	l.Lock()
	l.Push(1)
	l.Unlock()
	h := History{Stack: &Stack[string]{}}
	h.Push("a")
	fmt.Println(l.items, h.items, len(h.Stack.items))
	fmt.Printf("%+v\n", l.Stack)
}

package main

import "fmt"

type Stack[T any] struct{ items []T }

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

type Pusher interface{ Push(int) }

func main() {
	s := &Stack[int]{}
	var p Pusher = s
	p.Push(1)
	fmt.Println(len(s.items))
}

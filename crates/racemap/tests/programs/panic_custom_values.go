package main

import (
	"errors"
	"fmt"
	"os"
)

var errNotExist = errors.New("file does not exist")

type State int

func (s State) String() string { return fmt.Sprintf("State(%d)", int(s)) }

type Pt struct{ X, Y int }

func try(name string, f func()) {
	defer func() {
		r := recover()
		fmt.Printf("%s: %v (%T)\n", name, r, r)
		if err, ok := r.(error); ok {
			fmt.Println("  error:", err.Error())
		}
	}()
	f()
}

func main() {
	try("string", func() { panic("plain") })
	try("error", func() { panic(errors.New("an error")) })
	try("int", func() { panic(42) })
	try("stringer", func() { panic(State(3)) })
	try("struct", func() { panic(Pt{1, 2}) })
	try("fmt", func() { panic(fmt.Sprintf("formatted %d", 7)) })
	try("div", func() {
		a, b := 1, 0
		fmt.Println(a / b)
	})
	try("assert", func() {
		var x interface{} = "str"
		fmt.Println(x.(int))
	})
	try("slice", func() {
		s := []int{1, 2, 3}
		i := 5
		fmt.Println(s[1:i])
	})
	fmt.Fprintln(os.Stderr, "now a real one")
	panic(fmt.Errorf("wrapped: %w", errNotExist))
}

package main

import "fmt"

// Panics raised inside deferred calls: a panic recovered inside the deferred call that a
// running panic called lets that panic go on; one recovered further out replaces it (Go drops
// the aborted panic).
func resumes() {
	defer func() {
		defer func() {
			fmt.Println("inner recovered:", recover())
		}()
		panic("second")
	}()
	panic("first")
}

func replaced() {
	defer func() {
		fmt.Println("replaced recovered:", recover())
	}()
	defer func() {
		panic("second")
	}()
	panic("first")
}

func twice() (out []string) {
	defer func() {
		out = append(out, fmt.Sprint(recover()))
	}()
	defer func() {
		defer func() {
			out = append(out, fmt.Sprint(recover()))
		}()
		panic("b")
	}()
	panic("a")
}

func main() {
	replaced()
	fmt.Println(twice())
	defer func() {
		fmt.Println("main recovered:", recover())
		resumes()
	}()
	resumes()
	fmt.Println("not reached")
}
